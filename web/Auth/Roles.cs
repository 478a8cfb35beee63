namespace GridCommand.Web.Auth;

/// <summary>Who may do what. A device token acts as one unit.</summary>
public static class Roles
{
    public const string Commander = "commander";
    public const string Dispatcher = "dispatcher";
    public const string Station = "station";
    public const string Wall = "wall";
    public const string Device = "device";
    /// <summary>A chat-group connector: posts the messages it reads, nothing else. Its token is issued by a commander.</summary>
    public const string Connector = "connector";

    /// <summary>The roles a user account may have.</summary>
    public static readonly string[] StaffRoles = [Commander, Dispatcher, Station, Wall];

    /// <summary>The people at consoles: they read the units, incidents and their timelines. The wall only shows the city.</summary>
    public static readonly string[] ConsoleRoles = [Commander, Dispatcher, Station];

    /// <summary>Authorization policies, named for what they allow.</summary>
    public static class Policies
    {
        /// <summary>Commanders, dispatchers and stations: the rosters, incidents, timelines.</summary>
        public const string Staff = "staff";
        /// <summary>What the wall draws (its hub, the cells, stations and KPIs): the staff and the wall.</summary>
        public const string WallScreen = "wall-screen";
        public const string ReportIncidents = "report-incidents";
        public const string Dispatch = "dispatch";
        public const string ManageUnits = "manage-units";
        /// <summary>The Orleans dashboard: grain state and logs, for commanders only.</summary>
        public const string Command = "command";
        public const string Device = "device";
        /// <summary>The chat-group connector posting messages.</summary>
        public const string Connector = "connector";
        /// <summary>Who renews a token by itself: the wall and the phones, which must stay signed in unattended.</summary>
        public const string Renew = "renew";
        public const string DeviceOrDispatch = "device-or-dispatch";
        /// <summary>/metrics: commanders, or a scraper with the configured scrape token.</summary>
        public const string Metrics = "metrics";
    }

    public const string UnitClaim = "unit";
    /// <summary>When the token was issued: a revocation voids the tokens issued before it.</summary>
    public const string IssuedClaim = "issued";
}
