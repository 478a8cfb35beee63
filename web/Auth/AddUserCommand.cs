namespace GridCommand.Web.Auth;

/// <summary>
/// `dotnet run --project web -- add-user NAME --role ROLE`: the first commander of a real command centre, with no demo
/// accounts. The password is read from standard input (not the command line, which others on the machine can see).
/// </summary>
public static class AddUserCommand
{
    public static int Run(string[] args, WebApplicationBuilder builder)
    {
        if (args is not ["add-user", var username, "--role", var role, ..])
        {
            Console.Error.WriteLine("usage: add-user NAME --role commander|dispatcher|station|wall  (the password on standard input)");
            return 2;
        }
        var auth = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        var path = auth.UsersFilePath(builder.Environment);
        if (!Console.IsInputRedirected) Console.Error.Write($"Password for {username}: ");
        var password = Console.ReadLine() ?? "";
        if (UserFile.Add(path, username, role, password) is { } error)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        Console.WriteLine($"{username} ({role}) added to {path}; a running server reads it when it starts again.");
        return 0;
    }
}
