namespace GridCommand.Silo.Demo;

/// <summary>The "Simulation" section: the demo city's size and pace. Off for tests and integrators.</summary>
public sealed class SimulationOptions
{
    public bool Enabled { get; set; } = true;
    public int PatrolUnits { get; set; } = 43;
    public int Guards { get; set; } = 2000;
    /// <summary>龙城众队: 122 teams, 2,568 volunteers, shared out as evenly as they go (some teams have one more).</summary>
    public int VolunteerTeams { get; set; } = 122;
    public int Volunteers { get; set; } = 2568;
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(5);
    public double IncidentsPerMinute { get; set; } = 2;
    /// <summary>Chat-group messages the demo city's groups post a minute (see <see cref="SimulatedChat"/>).</summary>
    public double ChatMessagesPerMinute { get; set; } = 6;
    /// <summary>Alarms the demo cameras raise a minute (see <see cref="SimulatedCameraAlarms"/>).</summary>
    public double CameraAlarmsPerMinute { get; set; } = 1;
    /// <summary>How long a simulated incident may wait for a person before the simulated dispatcher acts.</summary>
    public TimeSpan DispatcherPatience { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Whether the demo units' phones answer their tasks by themselves (off where people or tests answer).</summary>
    public bool CrewsAnswerTasks { get; set; } = true;
    /// <summary>Demo units whose phones are not simulated: sign in as them on the field page.</summary>
    public List<string> ManualUnits { get; set; } = ["P001", "G00001", "V00101", "V00102"];
}
