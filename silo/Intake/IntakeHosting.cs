using GridCommand.Rules.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridCommand.Silo.Intake;

/// <summary>The chat-group intake's dictionary and collapse rules, from the "Intake" section (the defaults when it is absent).</summary>
public static class IntakeHosting
{
    public static IServiceCollection AddChatIntake(this IServiceCollection services, IConfiguration config)
    {
        var settings = config.GetSection("Intake").Get<IntakeSettings>() ?? new IntakeSettings();
        services.AddSingleton(settings);
        // Built here: a bad pattern in the configuration stops the node at start, not at the first message.
        services.AddSingleton(new ChatClassifier(settings));
        return services;
    }
}
