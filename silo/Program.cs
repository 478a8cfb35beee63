using GridCommand.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// A headless grid node: forms or joins the cluster named in configuration and hosts shards.
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddGridSettingsFiles(args, Path.Combine(AppContext.BaseDirectory, "silo.json"));
builder.Logging.AddGridLogging(builder.Configuration);
builder.Services.AddGridNode(builder.Configuration);
await builder.Build().RunAsync();
