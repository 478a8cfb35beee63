namespace GridCommand.Rules.Intake;

/// <summary>The wall's chat-group numbers for the city's day; they start again at zero when the day changes.</summary>
public sealed class IntakeDay
{
    public DateOnly Day { get; set; }
    public int MessagesIn { get; set; }
    public int Candidates { get; set; }
    public int Escalated { get; set; }

    public void Count(DateOnly today, int messages, int candidates, int escalated)
    {
        RollTo(today);
        (MessagesIn, Candidates, Escalated) = (MessagesIn + messages, Candidates + candidates, Escalated + escalated);
    }

    public void RollTo(DateOnly today)
    {
        if (today == Day) return;
        (Day, MessagesIn, Candidates, Escalated) = (today, 0, 0, 0);
    }
}
