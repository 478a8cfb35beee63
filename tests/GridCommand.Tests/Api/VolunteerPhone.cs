using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Tests.Api;

/// <summary>A volunteer's phone on /hubs/field: collects "volunteerOrder" and "volunteerOrderTaken" messages.</summary>
public sealed class VolunteerPhone : IAsyncDisposable
{
    private readonly Channel<JsonElement> _orders = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _taken = Channel.CreateUnbounded<JsonElement>();
    private readonly HubConnection _hub;

    private VolunteerPhone(HubConnection hub)
    {
        _hub = hub;
        hub.On<JsonElement>("volunteerOrder", o => _orders.Writer.TryWrite(o));
        hub.On<JsonElement>("volunteerOrderTaken", o => _taken.Writer.TryWrite(o));
    }

    public static async Task<VolunteerPhone> Connect(GridCommandApp app, FieldUnit unit)
    {
        var phone = new VolunteerPhone(app.Hub("/hubs/field", unit.Token));
        await phone._hub.StartAsync();
        return phone;
    }

    public Task<JsonElement> NextOrder() => FieldPhone.Next(_orders, "volunteerOrder", null);

    public Task<JsonElement> NextTaken() => FieldPhone.Next(_taken, "volunteerOrderTaken", null);

    public bool HeardAnyOrder => _orders.Reader.TryPeek(out _);

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
