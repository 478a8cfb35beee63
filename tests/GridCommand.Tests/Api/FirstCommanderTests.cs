using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridCommand.Tests.Api;

/// <summary>A real command centre starts without demo accounts: its first commander is added by command.</summary>
public sealed class FirstCommanderTests
{
    [Fact]
    public async Task A_commander_added_with_add_user_signs_in_and_the_demo_accounts_do_not_exist()
    {
        var folder = Directory.CreateTempSubdirectory("gridcommand-users-").FullName;
        var usersFile = Path.Combine(folder, "users.json");
        var (exit, output) = await AddUser(folder, usersFile, "chief.li", "commander", "明月湖-指挥-2026");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("明月湖-指挥-2026", await File.ReadAllTextAsync(usersFile));

        await using var app = new GridCommandApp(new Dictionary<string, string?> { ["Auth:DemoUsers"] = "false", ["Auth:UsersFile"] = usersFile });
        var client = app.CreateClient();
        var signedIn = await client.PostAsJsonAsync("/api/auth/login", new { username = "chief.li", password = "明月湖-指挥-2026" });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("commander", (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        var demo = await client.PostAsJsonAsync("/api/auth/login", new { username = "commander", password = "commander" });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

    [Theory]
    [InlineData("chief.li", "god", "long-enough-1", "--role must be one of")]
    [InlineData("chief.li", "commander", "short", "at least 8 characters")]
    [InlineData("李 指挥", "commander", "long-enough-1", "NAME must be")]
    public async Task Add_user_refuses_a_bad_role_a_short_password_or_a_bad_name_and_writes_nothing(string name, string role, string password, string error)
    {
        var folder = Directory.CreateTempSubdirectory("gridcommand-users-").FullName;
        var usersFile = Path.Combine(folder, "users.json");

        var (exit, output) = await AddUser(folder, usersFile, name, role, password);

        Assert.Equal(2, exit);
        Assert.Contains(error, output);
        Assert.False(File.Exists(usersFile));
    }

    /// <summary>Runs the web binary's add-user command as an operator would, the password on standard input.</summary>
    private static async Task<(int Exit, string Output)> AddUser(string folder, string usersFile, string name, string role, string password)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "GridCommand.Web.dll"), "add-user", name, "--role", role,
                     $"--Auth:UsersFile={usersFile}"])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, output);
    }
}
