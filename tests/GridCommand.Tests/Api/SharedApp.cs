using System.Net.Http.Headers;

namespace GridCommand.Tests.Api;

/// <summary>One app for a whole test class (tests keep apart by using their own <see cref="Areas"/> and unit ids).</summary>
public class SharedApp : IAsyncLifetime
{
    public SharedApp() : this(ApiKit.SharedSettings()) { }

    protected SharedApp(IDictionary<string, string?> settings) => App = new GridCommandApp(settings);

    public GridCommandApp App { get; }
    public HttpClient Commander { get; private set; } = null!;
    public HttpClient Dispatcher { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Commander = await App.StaffClient("commander");
        Dispatcher = await App.StaffClient("dispatcher");
    }

    public virtual async Task DisposeAsync() => await App.DisposeAsync();

    public static string TokenOf(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;
}

/// <summary>An app whose offers lapse after two seconds.</summary>
public sealed class QuickTimeoutApp() : SharedApp(ApiKit.SharedSettings(("Dispatch:AcceptTimeout", "00:00:02")));
