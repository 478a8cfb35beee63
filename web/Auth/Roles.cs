namespace GridCommand.Web.Auth;

/// <summary>Who may do what. A device token acts as one unit.</summary>
public static class Roles
{
    public const string Commander = "commander";
    public const string Dispatcher = "dispatcher";
    public const string Station = "station";
    public const string Wall = "wall";
    public const string Device = "device";

    public static readonly string[] StaffRoles = [Commander, Dispatcher, Station, Wall];

    /// <summary>Authorization policies, named for what they allow.</summary>
    public static class Policies
    {
        public const string Staff = "staff";
        public const string ReportIncidents = "report-incidents";
        public const string Dispatch = "dispatch";
        public const string ManageUnits = "manage-units";
        /// <summary>The Orleans dashboard: grain state and logs, for commanders only.</summary>
        public const string Command = "command";
        public const string Device = "device";
        public const string DeviceOrDispatch = "device-or-dispatch";
        /// <summary>/metrics: commanders, or a scraper with the configured scrape token.</summary>
        public const string Metrics = "metrics";
    }

    public const string UnitClaim = "unit";
}
