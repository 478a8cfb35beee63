using GridCommand.Silo.Hosting;
using GridCommand.Web.Auth;
using GridCommand.Web.Hosting;

args = GridHosting.ExpandDemoSwitch(args);
if (args is ["hash-password", var password])
{
    Console.WriteLine(PasswordHashes.Hash(password));
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddGridSettingsFiles(args);
if (args is ["add-user", ..]) return AddUserCommand.Run(args, builder);
builder.AddGridLogging();
builder.AddGridNode();
builder.AddGridCommandWeb();

var app = builder.Build();
app.MapGridCommandWeb();
app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
