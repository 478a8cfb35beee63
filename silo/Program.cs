using GridCommand.Silo.Hosting;
using Microsoft.Extensions.Hosting;

namespace GridCommand.Silo;

/// <summary>A headless silo: joins the cluster named in configuration and hosts grains.</summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        args = GridHosting.ExpandDemoSwitch(args);
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddGridSettingsFiles(args, Path.Combine(AppContext.BaseDirectory, "silo.json"));
        builder.AddGridLogging();
        builder.Configuration["Cluster:Role"] = "silo";
        builder.AddGridNode();
        await builder.Build().RunAsync();
    }
}
