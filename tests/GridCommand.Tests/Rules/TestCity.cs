using GridCommand.Rules.Geo;

namespace GridCommand.Tests.Rules;

/// <summary>The production layout: 500 m squares over lat 32.30–32.46, lon 119.33–119.52.</summary>
internal static class TestCity
{
    public const double South = 32.30, West = 119.33, North = 32.46, East = 119.52, CellMeters = 500;

    public static readonly CityGrid Grid = GridLayouts.Generate(new GeoBounds(South, West, North, East), CellMeters, _ => "测试区");

    /// <summary>Cell size in degrees, worked out here independently of the generator.</summary>
    public static readonly double DLat = CellMeters / 111_320.0;
    public static readonly double DLon = CellMeters / (111_320.0 * Math.Cos((South + North) / 2 * Math.PI / 180));

    /// <summary>The point at fractional row/column (0,0 = the south-west corner of the grid).</summary>
    public static GeoPoint At(double row, double col) => new(South + row * DLat, West + col * DLon);

    public static GeoPoint Centre(string cellId) => Grid.Find(cellId)!.Centre;
}
