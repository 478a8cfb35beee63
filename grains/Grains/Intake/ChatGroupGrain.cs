using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Intake;
using GridCommand.Rules.Intake;

namespace GridCommand.Grains.Intake;

/// <summary>
/// A chat group: its registered cell, and the first stop of each of its messages (judged here, so 11,772 groups
/// judge in parallel). A group never registered stores nothing.
/// </summary>
public sealed class ChatGroupGrain(
    [PersistentState(GrainKinds.ChatGroup, GrainKinds.Storage)] IPersistentState<ChatGroupState> state,
    GridServices services, ChatClassifier classifier)
    : GridGrain<ChatGroupState>(state, services, GrainKinds.ChatGroup), IChatGroupGrain
{
    public async Task<ChatGroupView> Register(string cellId, string name, string by)
    {
        if (Runtime.Grid.Find(cellId) is null) throw Refusal.NotFound($"No grid cell {cellId}.");
        if (State.CellId != cellId || State.Name != name)
        {
            (State.CellId, State.Name) = (cellId, name);
            await Save("chat-group.registered", by, cellId);
        }
        return View()!;
    }

    public Task<ChatGroupView?> Get() => Task.FromResult(View());

    public async Task<ChatVerdict> Receive(ChatMessage m)
    {
        var judgment = classifier.Classify(m.Text);
        var cellId = m.CellId ?? State.CellId;
        var stationId = judgment.Class == MessageClass.Noise || cellId is null ? null : await Grains.GetGrain<ICellGrain>(cellId).StationId();
        CandidateView? candidate = null;
        if (stationId is not null)
            candidate = await Grains.GetGrain<IStationIntakeGrain>(stationId).Add(new ChatReport(Id, cellId!, m.Sender, m.Text, m.At, judgment));
        else
            await Grains.GetGrain<IIntakeCountsGrain>(CityKeys.City).Count(1, 0, 0);
        return new ChatVerdict(judgment.Class, judgment.Type, judgment.Matched, cellId, stationId, candidate?.Id, candidate?.Reports);
    }

    private ChatGroupView? View() => State.CellId is { } cellId ? new ChatGroupView(Id, cellId, State.Name) : null;
}

/// <summary>A registered group's cell and name.</summary>
public sealed class ChatGroupState
{
    public string? CellId { get; set; }
    public string Name { get; set; } = "";
}
