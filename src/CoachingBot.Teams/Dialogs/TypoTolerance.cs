namespace CoachingBot.Teams.Dialogs;

/// <summary>
/// Matches a typed word to a small vocabulary despite a slip of the keyboard: a letter missing, extra, wrong, or two
/// swapped ("tomorow", "nxt", "Decmber", "fridya"). Short words must be exact, so "in" and "on" never turn into
/// anything; longer words forgive one slip, and words of eight letters or more two.
/// </summary>
internal static class TypoTolerance
{
    /// <summary>
    /// What <paramref name="word"/> stands for in <paramref name="vocabulary"/>: an exact entry first, else the nearest
    /// within the slips the entry's length allows. False when none is near enough, or two entries with different
    /// meanings are equally near ("jule": June or July?).
    /// </summary>
    public static bool TryMatch<T>(string word, IReadOnlyDictionary<string, T> vocabulary, out T value)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.TryGetValue(word, out value!))
        {
            return true;
        }

        var found = false;
        var tie = false;
        var bestDistance = int.MaxValue;
        foreach (var (entry, meaning) in vocabulary)
        {
            var allowed = Allowed(entry);
            if (allowed == 0 || Math.Abs(entry.Length - word.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(word, entry);
            if (distance > allowed || distance > bestDistance)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                (found, tie, bestDistance, value) = (true, false, distance, meaning);
            }
            else if (!EqualityComparer<T>.Default.Equals(value, meaning))
            {
                tie = true;
            }
        }

        return found && !tie;
    }

    private static int Allowed(string entry) => entry.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    /// <summary>Edits to turn one word into the other (insert, delete, substitute, swap two neighbours).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
