using GridCommand.Rules.Intake;
using GridCommand.Silo.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridCommand.Tests.Rules;

/// <summary>The "Intake" configuration section as a site writes it: its words join the defaults, a bad pattern stops the start.</summary>
public sealed class IntakeSettingsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
        return new ServiceCollection().AddChatIntake(config).BuildServiceProvider();
    }

    [Fact]
    public void Configured_keywords_and_the_collapse_window_are_read_from_the_intake_section()
    {
        using var services = Services(("Intake:Keywords:0:Word", "传销"), ("Intake:Keywords:0:Class", "urgent"), ("Intake:Keywords:0:Type", "fraud"),
            ("Intake:CollapseWindow", "00:05:00"));
        var judgment = services.GetRequiredService<ChatClassifier>().Classify("楼上好像是传销窝点");
        Assert.Equal((MessageClass.Urgent, "fraud"), (judgment.Class, judgment.Type));
        Assert.Equal(TimeSpan.FromMinutes(5), services.GetRequiredService<IntakeSettings>().CollapseWindow);
        Assert.Equal(MessageClass.Urgent, services.GetRequiredService<ChatClassifier>().Classify("有人打架").Class);
    }

    [Fact]
    public void A_configured_pattern_that_is_no_regular_expression_stops_the_node_at_start() =>
        Assert.Throws<ArgumentException>(() => Services(("Intake:Patterns:0:Word", "[unclosed"), ("Intake:Patterns:0:Class", "urgent")));
}
