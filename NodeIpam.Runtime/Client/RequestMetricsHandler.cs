using System.Globalization;
using NodeIpam.Runtime.Metrics;
using Prometheus;

namespace NodeIpam.Runtime.Client;

/// <summary>
/// Sits in the KubernetesClient HTTP pipeline: sets the User-Agent and counts every request in
/// <c>rest_client_requests_total{code,method,host}</c> as client-go does (code = the HTTP status, or
/// <c>&lt;error&gt;</c> when no response came). A watch is counted once, when its response headers arrive.
/// </summary>
internal sealed class RequestMetricsHandler : DelegatingHandler
{
    private const string NoResponseCode = "<error>";
    private readonly Counter _requests;
    private readonly string _userAgent;

    public RequestMetricsHandler(RuntimeMetrics metrics, string userAgent)
    {
        _requests = metrics.RestClientRequests;
        _userAgent = userAgent;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        var host = request.RequestUri?.Authority ?? string.Empty;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            _requests.WithLabels(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), request.Method.Method, host).Inc();
            return response;
        }
        catch
        {
            _requests.WithLabels(NoResponseCode, request.Method.Method, host).Inc();
            throw;
        }
    }
}
