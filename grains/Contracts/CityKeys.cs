namespace GridCommand.Contracts;

/// <summary>The key of the grains there is one of in the whole cluster.</summary>
public static class CityKeys
{
    public const string City = "city";
}
