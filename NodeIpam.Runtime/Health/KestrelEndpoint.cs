using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NodeIpam.Runtime.Health;

/// <summary>
/// One Kestrel server on one address, answering every request with <paramref name="handler"/> under
/// <paramref name="limits"/>, over HTTPS when <paramref name="certificate"/> is given (asked on every handshake, so
/// a reloaded certificate is served at once). A small web host of its own (no configuration files, no environment
/// variables, no console lifetime: the operator's host owns the process) logging through the operator's loggers.
/// </summary>
internal sealed class KestrelEndpoint(
    string what,
    BindAddress address,
    EndpointLimits limits,
    Func<X509Certificate2>? certificate,
    RequestDelegate handler,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private IHost? _host;

    /// <summary>Where it is served, with the real port when 0 was asked; set by <see cref="StartAsync"/>.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Binds and starts; a busy or foreign address is an <see cref="EndpointStartException"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var host = new HostBuilder()
            .ConfigureServices(services =>
            {
                // Kestrel logs through the operator's loggers; this inner host's own start failure is not logged,
                // since the EndpointStartException below is reported once, in one line, by whoever started it.
                services.AddLogging(logging => logging
                    .AddProvider(new ForwardingLoggerProvider(loggerFactory))
                    .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None));
                services.AddSingleton<IHostLifetime, NoLifetime>();
            })
            .ConfigureWebHost(
                web => web
                    .UseKestrelCore()
                    .UseSetting(WebHostDefaults.SuppressStatusMessagesKey, "true")
                    .ConfigureKestrel(ConfigureServer)
                    .Configure(app => app.Run(HandleAsync)),
                options => options.SuppressEnvironmentConfiguration = true)
            .Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or AddressInUseException)
        {
            host.Dispose();
            throw new EndpointStartException($"cannot serve {what} on {address}: {Reason(e)}", e);
        }

        _host = host;
        var bound = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(bound);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _host, null) is { } host)
        {
            // No request may take longer than the endpoint's own limit, so neither may the drain: a slow scrape must
            // not hold the process past the host's shutdown budget (the inner host's default is 30 s).
            using var drain = new CancellationTokenSource(limits.RequestTimeout);
            await host.StopAsync(drain.Token).ConfigureAwait(false);
            host.Dispose();
        }
    }

    private void ConfigureServer(KestrelServerOptions server)
    {
        server.AddServerHeader = false;
        server.Limits.MaxConcurrentConnections = limits.MaxConnections;
        server.Limits.MaxConcurrentUpgradedConnections = 0;
        server.Limits.MaxRequestBodySize = 0;
        server.Limits.RequestHeadersTimeout = limits.RequestTimeout;
        server.Limits.KeepAliveTimeout = limits.RequestTimeout;
        address.Listen(server, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            if (certificate is not null)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificateSelector = (_, _) => certificate();
                    https.HandshakeTimeout = limits.RequestTimeout;
                });
            }
        });
    }

    // The handler's own deadline: a request whose answer takes longer (a hung TokenReview, say) is aborted.
    private async Task HandleAsync(HttpContext context)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(limits.RequestTimeout);
        context.RequestAborted = deadline.Token;
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            context.Abort();
        }
    }

    private static string Reason(Exception e) => e switch
    {
        AddressInUseException => "the address is already in use",
        SocketException { SocketErrorCode: SocketError.AddressNotAvailable } => "the address is not on this machine",
        IOException { InnerException: { } inner } => Reason(inner),
        _ => e.Message,
    };

    private sealed class ForwardingLoggerProvider(ILoggerFactory outer) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => outer.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }

    // The operator's host handles SIGTERM and Ctrl+C; this inner host must not.
    private sealed class NoLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
