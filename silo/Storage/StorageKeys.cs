using System.Buffers.Text;
using System.Text;

namespace GridCommand.Silo.Storage;

/// <summary>
/// The text a grain's id is stored under. Orleans' ADO.NET storage reads a string key that also reads as a hexadecimal
/// number or a GUID ("10086", "B000001") as that number and keeps no text of it: "A1" and "a1", "01" and "1" would share
/// one row, and a read model looking a unit up by its id would not find it. Such ids are stored with a mark no id may
/// hold (ids are letters, digits, '-', '_' and '.'), so every id is stored as its own text.
/// </summary>
public static class StorageKeys
{
    private const char Mark = '~';

    public static string Of(string id) => ReadsAsNumber(id) ? id + Mark : id;

    public static string IdOf(string stored) => stored.EndsWith(Mark) ? stored[..^1] : stored;

    /// <summary>As Orleans' GrainIdKeyExtensions.TryGetIntegerKey and TryGetGuidKey read a key (ours hold no '+').</summary>
    private static bool ReadsAsNumber(string id)
    {
        var utf8 = Encoding.UTF8.GetBytes(id);
        return (Utf8Parser.TryParse(utf8, out long _, out var read, 'X') && read == utf8.Length)
            || (utf8.Length == 32 && Utf8Parser.TryParse(utf8, out Guid _, out read, 'N') && read == 32);
    }
}
