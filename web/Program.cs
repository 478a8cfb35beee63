using GridCommand.Silo.Hosting;
using GridCommand.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddGridLogging(builder.Configuration);
builder.Services.AddGridNode(builder.Configuration);
builder.AddGridCommandWeb();

var app = builder.Build();
app.MapGridCommandWeb();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
