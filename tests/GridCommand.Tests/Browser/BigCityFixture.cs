using GridCommand.Rules.Geo;
using GridCommand.Tests.Api;
using GridCommand.Web.Live;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>A web node with 30,000 units moving (<see cref="MovingCity"/>) on a loopback port, and a headless Chromium.</summary>
public sealed class BigCityFixture : IAsyncLifetime
{
    public const int Units = 30_000;

    public GridCommandApp App { get; } = new();
    public Uri BaseUrl { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public MovingCity City { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseUrl = App.StartOnRealPort();
        City = new MovingCity(App.Service<CityFeedReceiver>(), App.Service<CityGrid>(), Units);
        await City.StartAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromium(Playwright);
    }

    public async Task DisposeAsync()
    {
        await City.DisposeAsync();
        await Browser.CloseAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Timing tests: run on their own, after the others, so the rest of the suite does not share their two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BigCityCollection : ICollectionFixture<BigCityFixture>
{
    public const string Name = "big city";
}
