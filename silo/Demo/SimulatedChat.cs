using GridCommand.Contracts.Intake;
using GridCommand.Rules.Geo;

namespace GridCommand.Silo.Demo;

/// <summary>
/// The demo city's chat groups talking (one group per cell, "wx-" and the cell's id): mostly chatter, now and then a
/// fight, a theft, a fire or a parked car, so the console's intake tab and the wall's chat figures have something to show.
/// </summary>
public sealed class SimulatedChat(IGrainFactory grains, CityGrid grid)
{
    private static readonly string[] Texts =
    [
        "明天上午九点停水，请大家提前储水", "今晚广场舞改到八点", "谁家的快递放错门口了", "物业电话多少？", "周末小区有义诊活动",
        "楼下有人打架，快来人", "菜场有小偷，偷了我的钱包", "楼下有车乱停，堵门了", "楼道里冒烟，像是着火了", "有个老人走失了，穿蓝色外套",
    ];

    public void Post(Random random, GeoPoint near, DateTimeOffset now)
    {
        if (grid.CellAt(near) is not { } cell) return;
        var groupId = $"wx-{cell.Id}";
        grains.GetGrain<IChatGroupGrain>(groupId).Receive(new ChatMessage(groupId, cell.Id, "居民", Texts[random.Next(Texts.Length)], now)).Ignore();
    }
}
