using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoachingBot.Storage;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks. EF's SQLite provider keeps DateTimeOffset as text
/// with the offset, which neither sorts nor compares in time order and cannot be used in ORDER BY or range
/// filters translated to SQL; an integer of UTC ticks does all of that on every provider, which keeps the
/// migrations the same for SQLite and PostgreSQL. The offset is not kept: everything is stored in UTC anyway.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
