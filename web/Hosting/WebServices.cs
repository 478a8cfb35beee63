using System.Text.Json;
using System.Text.Json.Serialization;
using GridCommand.Grains;
using GridCommand.Silo.Hosting;
using GridCommand.Silo.Performance;
using GridCommand.Web.Apis;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;
using Serilog;
using Serilog.Events;

namespace GridCommand.Web.Hosting;

/// <summary>The web side's wiring: services, then middleware and endpoints.</summary>
public static class WebServices
{
    public static WebApplicationBuilder AddGridCommandWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Model binding refusals (unreadable JSON, wrong field types) come without a detail: give them one.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Detail ??= c.ProblemDetails.Status == StatusCodes.Status400BadRequest
                ? "The request could not be read: check that the body is valid JSON with fields of the right types."
                : null);
        services.AddExceptionHandler<GridExceptionHandler>();
        // A request the server cannot read (unreadable JSON — thrown, not answered, in Development — or a body over
        // Kestrel's limits) keeps its 4xx status instead of becoming a 500, and is a refusal: no error line with a stack.
        services.Configure<ExceptionHandlerOptions>(o =>
        {
            o.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            o.SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException || c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService;
        });
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => UseWireEnums(o.SerializerOptions));
        services.AddSingleton<SignedInConnections>();
        services.AddSignalR(o => o.AddFilter<SignedInConnections>()).AddJsonProtocol(o => UseWireEnums(o.PayloadSerializerOptions));

        services.Configure<AuthOptions>(builder.Configuration.GetSection("Auth"));
        services.AddSingleton(sp =>
        {
            var auth = sp.GetRequiredService<IOptions<AuthOptions>>().Value;
            return new UserDirectory(auth, UserFile.Read(auth.UsersFilePath(sp.GetRequiredService<IHostEnvironment>())));
        });
        services.AddSingleton(sp => new SignInThrottle(sp.GetRequiredService<IOptions<AuthOptions>>().Value.SignInFailuresPerMinute));
        // Here, not on first use: a node with no usable key refuses to start.
        services.AddSingleton(SigningKeyLoader.Load(builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions(),
            builder.Configuration.GetSection("Cluster").Get<ClusterSettings>() ?? new ClusterSettings(), builder.Environment.ContentRootPath));
        services.AddSingleton<TokenService>();
        services.AddSingleton<TokenRevocations>();
        services.AddHostedService<RevocationSync>();
        services.AddAuthentication(BearerAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Policies.Staff, p => p.RequireRole(Roles.ConsoleRoles))
            .AddPolicy(Roles.Policies.WallScreen, p => p.RequireRole(Roles.StaffRoles))
            .AddPolicy(Roles.Policies.Renew, p => p.RequireRole(Roles.Wall, Roles.Device))
            .AddPolicy(Roles.Policies.ReportIncidents, p => p.RequireRole(Roles.Commander, Roles.Dispatcher, Roles.Station))
            .AddPolicy(Roles.Policies.Dispatch, p => p.RequireRole(Roles.Commander, Roles.Dispatcher))
            .AddPolicy(Roles.Policies.ManageUnits, p => p.RequireRole(Roles.Commander))
            .AddPolicy(Roles.Policies.Command, p => p.RequireRole(Roles.Commander))
            .AddPolicy(Roles.Policies.Device, p => p.RequireRole(Roles.Device))
            .AddPolicy(Roles.Policies.Connector, p => p.RequireRole(Roles.Connector))
            .AddPolicy(Roles.Policies.DeviceOrDispatch, p => p.RequireRole(Roles.Device, Roles.Commander, Roles.Dispatcher))
            .AddPolicy(Roles.Policies.Metrics, p => p.RequireAssertion(c =>
                c.User.IsInRole(Roles.Commander) || ScrapeToken.Presented(c.Resource as HttpContext, builder.Configuration["Metrics:ScrapeToken"])));

        // Our meters, Orleans' (grains, messaging, activations) and ASP.NET's (requests by status: refusals counted too).
        services.AddSingleton<WebMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(WebMetrics.MeterName, GridMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting",
                "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            .AddPrometheusExporter());

        services.AddSingleton<LiveCity>();
        services.AddSingleton<TaskAnswers>();
        services.AddSingleton<VolunteersInRange>();
        services.AddSingleton<WallConnections>();
        services.AddSingleton<LiveLockdowns>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveLockdowns>());
        services.AddSingleton<RapidResponsePoints>();
        services.AddSingleton<CellPoints>();
        services.AddSingleton<LiveCameraAlarms>();
        services.AddSingleton<CityFeedReceiver>();
        services.AddHostedService(sp => sp.GetRequiredService<CityFeedReceiver>());
        services.AddStationPerformance(builder.Configuration);
        return builder;
    }

    public static WebApplication MapGridCommandWeb(this WebApplication app)
    {
        // Outermost, so that the request's line and the refusal count see the status the client got (a request the
        // exception handler answers 400 is a refusal, not a 500).
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.GetLevel = RequestLogLevel;
        });
        app.UseRefusalCounting();
        app.UseExceptionHandler();
        // Sent only by HTTPS requests: a site served over HTTPS tells browsers to keep to it.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders(app.Configuration.GetSection("Map").Get<MapOptions>() ?? new MapOptions());
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapHealthApi();
        app.MapAuthApi();
        var api = app.MapGroup("").AddEndpointFilter<GridIdFilter>();
        api.MapUnitsApi();
        api.MapIncidentsApi();
        api.MapTasksApi();
        api.MapCityApi();
        api.MapCellViewApi();
        api.MapLockdownApi();
        api.MapCoverageApi();
        api.MapReplayApi();
        api.MapChatIntakeApi();
        api.MapCheckinsApi();
        api.MapVolunteerOrdersApi();
        api.MapStationPerformanceApi();
        api.MapCamerasApi();
        app.MapUsersApi();
        app.MapPagesApi();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Roles.Policies.Metrics);
        // A connection ends with its token: the page reconnects with the token it renewed meanwhile.
        app.MapHub<WallHub>("/hubs/wall", o => o.CloseOnAuthenticationExpiration = true);
        app.MapHub<FieldHub>("/hubs/field", o => o.CloseOnAuthenticationExpiration = true);
        app.MapOrleansDashboard(routePrefix: DashboardCookie.Path).RequireAuthorization(Roles.Policies.Command);
        app.Lifetime.ApplicationStarted.Register(() => AnnounceUrls(app));
        if (app.Services.GetRequiredService<SigningKeys>().MadeFile is { } keyFile)
            app.Logger.LogWarning("No token signing key was configured: made one in {KeyFile} (owner-only). Keep it secret, and out of backups of the database", keyFile);
        return app;
    }

    /// <summary>
    /// One line per request, but not at Information for what comes by the thousand (positions, reads, hub
    /// negotiations) or what was refused: those at Debug, so a busy or attacked node does not drown its log.
    /// Failures stay visible.
    /// </summary>
    private static LogEventLevel RequestLogLevel(HttpContext http, double elapsedMs, Exception? error) =>
        error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
        : http.Response.StatusCode >= 400 || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
          || http.Request.Path.StartsWithSegments("/hubs")
          || http.Request.Path.Value?.EndsWith("/position", StringComparison.Ordinal) == true ? LogEventLevel.Debug
        : LogEventLevel.Information;

    /// <summary>Enums on the wire as kebab-case strings, as in the grains' own JSON.</summary>
    private static void UseWireEnums(JsonSerializerOptions o) =>
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));

    /// <summary>The README promises the wall's URL on the console.</summary>
    private static void AnnounceUrls(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
            app.Logger.LogInformation("GridCommand wall: {Url}/wall", address.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost"));
    }
}
