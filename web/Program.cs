using GridCommand.Silo.Hosting;
using GridCommand.Web.Auth;
using GridCommand.Web.Hosting;

if (args is ["hash-password", var password])
{
    Console.WriteLine(PasswordHashes.Hash(password));
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddGridSettingsFiles(args);
builder.AddGridLogging();
builder.AddGridNode();
builder.AddGridCommandWeb();

var app = builder.Build();
app.MapGridCommandWeb();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
