using System.Net;

namespace NodeIpam.Runtime.Informers;

/// <summary>An API request answered with a non-success status (or a watch ERROR event with that code).</summary>
internal sealed class KubeApiException : Exception
{
    public KubeApiException(HttpStatusCode statusCode, string message)
        : base($"{(int)statusCode} {statusCode}: {message}")
    {
        StatusCode = statusCode;
    }

    public KubeApiException()
    {
    }

    public KubeApiException(string message)
        : base(message)
    {
    }

    public KubeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>410 Gone: the requested resourceVersion (or continue token) is older than the server's history.</summary>
    public bool IsGone => StatusCode == HttpStatusCode.Gone;

    /// <summary>Reads an error response's body (truncated) into an exception.</summary>
    public static async Task<KubeApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            body = e.Message;
        }

        const int MaxBody = 512;
        if (body.Length > MaxBody)
        {
            body = body[..MaxBody];
        }

        return new KubeApiException(response.StatusCode, body);
    }
}
