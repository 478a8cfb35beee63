using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Intake;
using Xunit;

namespace GridCommand.Tests.Rules;

/// <summary>Camera files with good and bad rows, the checks on a camera, the nearest cameras and camera alarms in a station's queue.</summary>
public sealed class CameraRulesTests
{
    private static readonly GeoPoint Here = TestCity.At(2.5, 2.5);

    private static string Csv(params string[] lines) => string.Join("\n", lines);

    [Fact]
    public void A_csv_file_keeps_its_good_rows_and_names_each_bad_one_by_line()
    {
        var file = CameraFile.ReadCsv(Csv(
            "\uFEFFid,name,lat,lon,streamUrl,snapshotUrl,extra",
            $"C1,文昌路口,{Here.Lat},{Here.Lon},https://v.example/1,,x",
            $"C2,\"北门, 东侧\",{Here.Lat},{Here.Lon},,http://v.example/2.jpg",
            "C3,无坐标,,",
            $"C4,坏链接,{Here.Lat},{Here.Lon},javascript:alert(1),",
            $"C1,重复,{Here.Lat},{Here.Lon},,",
            "",
            $"C5,城外,10.0,10.0,,",
            $"C6,字母坐标,abc,{Here.Lon},,",
            $",无编号,{Here.Lat},{Here.Lon},,"));
        var import = CameraImport.Check(file, TestCity.Grid);

        Assert.Null(file.Error);
        Assert.Equal(["C1", "C2", CameraInput.GeneratedId("无编号", Here)], import.Cameras.Select(c => c.Id));
        Assert.Equal("北门, 东侧", import.Cameras[1].Name);
        Assert.Equal(("https://v.example/1", (string?)null), (import.Cameras[0].StreamUrl, import.Cameras[0].SnapshotUrl));
        Assert.Equal(TestCity.Grid.CellAt(Here)!.Id, import.Cameras[0].CellId);
        Assert.Equal([4, 5, 6, 8, 9], import.Rejected.Select(r => r.Line));
        Assert.Contains("lat and lon are required", import.Rejected[0].Reason);
        Assert.Contains("streamUrl", import.Rejected[1].Reason);
        Assert.Contains("line 2", import.Rejected[2].Reason);
        Assert.Contains("outside the city", import.Rejected[3].Reason);
        Assert.Contains("decimal numbers", import.Rejected[4].Reason);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_the_next_rows_keep_their_line_numbers()
    {
        var file = CameraFile.ReadCsv(Csv("name,lat,lon", $"\"两行\n名字\",{Here.Lat},{Here.Lon}", $"坏,x,{Here.Lon}"));
        Assert.Equal([2], file.Rows.Select(r => r.Line));
        Assert.Equal("两行\n名字", file.Rows[0].Input.Name);
        Assert.Equal([4], file.Unreadable.Select(r => r.Line));
        Assert.Contains("control characters", CameraImport.Check(file, TestCity.Grid).Rejected[0].Reason);
    }

    [Fact]
    public void A_camera_may_not_take_the_name_of_a_list_as_its_id()
    {
        var (camera, error) = new CameraInput("Cells", "x", Here.Lat, Here.Lon, null, null, null, null).Check(TestCity.Grid);
        Assert.Null(camera);
        Assert.Contains("list", error);
    }

    [Fact]
    public void A_csv_without_the_needed_columns_or_empty_is_no_camera_file()
    {
        Assert.Contains("'lat'", CameraFile.ReadCsv("id,name,latitude,lon\nC1,a,1,2").Error);
        Assert.Contains("empty", CameraFile.ReadCsv("").Error);
    }

    [Fact]
    public void A_geojson_feature_collection_reads_its_points_and_refuses_other_features_by_number()
    {
        var json = $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","id":"G1","geometry":{"type":"Point","coordinates":[{{{Here.Lon}}},{{{Here.Lat}}}]},
               "properties":{"name":"东关街","snapshotUrl":"https://v.example/g1.jpg","kind":"球机"}},
              {"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{"name":"线"}},
              {"type":"Feature","geometry":{"type":"Point","coordinates":[{{{Here.Lon}}},{{{Here.Lat}}}]},"properties":{"id":"G3","name":"data","streamUrl":"data:text/html,x"}}
            ]}
            """;
        var import = CameraImport.Check(CameraFile.ReadGeoJson(json), TestCity.Grid);
        var g1 = Assert.Single(import.Cameras);
        Assert.Equal(("G1", "东关街", "球机", "https://v.example/g1.jpg"), (g1.Id, g1.Name, g1.Kind, g1.SnapshotUrl));
        Assert.Equal([2, 3], import.Rejected.Select(r => r.Line));
        Assert.Contains("Point", import.Rejected[0].Reason);
        Assert.Contains("http", import.Rejected[1].Reason);
        Assert.Contains("FeatureCollection", CameraFile.ReadGeoJson("""{"type":"Feature"}""").Error);
        Assert.Contains("not valid JSON", CameraFile.ReadGeoJson("id,name").Error);
        Assert.True(CameraFile.IsGeoJson("application/geo+json", null));
        Assert.True(CameraFile.IsGeoJson("application/octet-stream", "cams.GeoJSON"));
        Assert.False(CameraFile.IsGeoJson("text/csv", "cams.csv"));
    }

    [Fact]
    public void The_nearest_cameras_come_closest_first_within_the_radius_and_the_box_holds_them()
    {
        Camera At(string id, double meters, double heading)
        {
            var p = Here.Offset(meters, heading);
            return new Camera(id, id, p.Lat, p.Lon, "C0", null, null, null, null);
        }
        var cameras = new[] { At("far", 1500, 0), At("b", 300, 90), At("a", 100, 180), At("c", 900, 270), At("d", 950, 45) };
        var nearest = NearestCameras.Of(cameras, Here, 3, 1000);
        Assert.Equal(["a", "b", "c"], nearest.Select(n => n.Camera.Id));
        Assert.InRange(nearest[0].Meters, 99, 101);
        var box = NearestCameras.BoxAround(Here, 1000);
        Assert.All(cameras.Where(c => c.Id != "far"), c => Assert.True(box.Contains(new GeoPoint(c.Lat, c.Lon))));
        Assert.False(box.Contains(new GeoPoint(cameras[0].Lat, cameras[0].Lon)));
    }

    [Fact]
    public void A_cameras_alarms_within_the_window_are_one_candidate_and_a_fight_raises_its_priority()
    {
        var queue = new IntakeQueue();
        var settings = new IntakeSettings();
        var t0 = new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var window = new CameraSettings().CollapseWindow;
        CameraReport Alarm(string camera, string kind, string type, int priority, DateTimeOffset at) =>
            new(camera, $"摄像头{camera}", "C1", Here, kind, type, priority, at);

        var (first, created) = queue.Add("S1", Alarm("K1", "intrusion", "suspicious-person", 2, t0), window, settings);
        var (again, createdAgain) = queue.Add("S1", Alarm("K1", "fight", "fight", 1, t0.AddMinutes(4)), window, settings);
        var (other, _) = queue.Add("S1", Alarm("K2", "intrusion", "suspicious-person", 2, t0.AddMinutes(4)), window, settings);
        var (later, createdLater) = queue.Add("S1", Alarm("K1", "intrusion", "suspicious-person", 2, t0.AddMinutes(10)), window, settings);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Same(first, again);
        Assert.Equal((2, 1, "fight", MessageClass.Urgent), (first.Reports, first.Priority, first.Type, first.Class));
        Assert.Equal(["intrusion", "fight"], first.Matched);
        Assert.Equal(("K1", (GeoPoint?)Here), (first.CameraId, first.Place));
        Assert.NotSame(first, other);
        Assert.True(createdLater); // nine minutes after K1's last alarm: a new candidate
        Assert.Equal("S1.M3", later.Id);
    }

    [Fact]
    public void Configured_alarm_kinds_add_to_and_replace_the_defaults()
    {
        var settings = new CameraSettings { AlarmKinds = { ["Smoking"] = AlarmKind.Of("other", 3), ["fire"] = AlarmKind.Of("fire", 2) } };
        var kinds = settings.Kinds();
        Assert.Equal(("other", 3), (kinds["smoking"].Type, kinds["smoking"].Priority));
        Assert.Equal(2, kinds["fire"].Priority);
        Assert.Equal("fight", kinds["fight"].Type);
    }
}
