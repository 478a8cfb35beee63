using System.Globalization;
using System.Text;
using GridCommand.Rules.Performance;
using MiniExcelLibs;

namespace GridCommand.Web.Apis;

/// <summary>
/// A station's performance as a table — a row per day, per week and the total — for the CSV and XLSX exports,
/// with its headers in Chinese (the default) or English.
/// </summary>
public sealed class PerformanceSheet
{
    private static readonly string[] Chinese =
        ["类别", "开始日期", "结束日期", "受理警情", "已处置", "办结率", "响应时间P50(秒)", "响应时间P90(秒)", "重复报警率", "非警务警情分流率", "半分钟助警圈先到率", "打卡次数"];

    private static readonly string[] English =
        ["Row", "From", "To", "Received", "Handled", "Closure rate", "Response P50 (s)", "Response P90 (s)", "Repeat-call rate", "Diversion rate",
         "Guards or volunteers first", "Check-ins"];

    private readonly bool _english;

    private PerformanceSheet(StationPerformance report, bool english)
    {
        _english = english;
        Report = report;
    }

    public StationPerformance Report { get; }

    public IReadOnlyList<string> Headers => _english ? English : Chinese;

    /// <returns>the sheet, or null when <paramref name="lang"/> is neither zh (or left out) nor en</returns>
    public static PerformanceSheet? For(StationPerformance report, string? lang) => lang?.Trim().ToLowerInvariant() switch
    {
        null or "" or "zh" or "zh-cn" => new PerformanceSheet(report, english: false),
        "en" => new PerformanceSheet(report, english: true),
        _ => null,
    };

    public string FileName(string extension) => $"{Report.StationId}-performance-{Report.From:yyyy-MM-dd}-{Report.To:yyyy-MM-dd}.{extension}";

    /// <summary>Each row's cells: the row's kind, its dates as yyyy-MM-dd, counts, rates 0..1 and seconds; null where nothing was measured.</summary>
    public IEnumerable<object?[]> Rows() =>
        Report.Days.Select(f => Cells(_english ? "day" : "日", f))
            .Concat(Report.Weeks.Select(f => Cells(_english ? "week" : "周", f)))
            .Append(Cells(_english ? "total" : "合计", Report.Total));

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese right; a header row, then the rows.</summary>
    public byte[] Csv()
    {
        var csv = new StringBuilder();
        foreach (var line in Rows().Select(r => r.Select(Text)).Prepend(Headers))
            csv.Append(string.Join(',', line.Select(Quoted))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>One worksheet named for the station, with the same header row and rows (numbers as numbers).</summary>
    public byte[] Xlsx()
    {
        var rows = Rows().Select(r => (IDictionary<string, object?>)Headers.Zip(r).ToDictionary(c => c.First, c => c.Second));
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: Report.StationId, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static object?[] Cells(string kind, PerformanceFigures f) =>
        [kind, f.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
         f.Received, f.Handled, f.ClosureRate, f.ResponseP50Seconds, f.ResponseP90Seconds, f.RepeatCallRate, f.DiversionRate,
         f.NeighboursFirstRate, f.Checkins];

    private static string Text(object? cell) => cell switch
    {
        null => "",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Quoted(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : $"\"{text.Replace("\"", "\"\"")}\"";
}
