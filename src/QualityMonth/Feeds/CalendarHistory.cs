using System.Globalization;
using QualityMonth.Diagnostics;

namespace QualityMonth.Feeds;

/// <summary>What the previous build published for one event: the state a calendar carries from one build to the next.</summary>
/// <param name="Sequence">Wide: an event changed by every build for years must not wrap round to a negative number.</param>
public sealed record PublishedEvent(long Sequence, string Stamp, string? Hash);

/// <summary>
/// Reads the events of a calendar the previous build wrote (in the output folder this build replaces),
/// so that an unchanged event keeps its SEQUENCE and DTSTAMP and a changed one gets the next SEQUENCE.
/// </summary>
public static class CalendarHistory
{
    public static IReadOnlyDictionary<string, PublishedEvent> Read(string? file, DiagnosticBag diagnostics)
    {
        var events = new Dictionary<string, PublishedEvent>(StringComparer.Ordinal);
        if (file is null || !File.Exists(file)) return events;
        string? uid = null, stamp = null, hash = null;
        long? sequence = null;
        bool inEvent = false, isCalendar = false;
        foreach (var (number, line) in IcsFormat.Unfold(File.ReadAllText(file)))
        {
            var (name, value) = IcsFormat.Split(line);
            switch (name)
            {
                case "BEGIN" when value == "VCALENDAR":
                    isCalendar = true;
                    break;
                case "BEGIN" when value == "VEVENT":
                    (inEvent, uid, stamp, hash, sequence) = (true, null, null, null, null);
                    break;
                case "END" when value == "VEVENT" && inEvent:
                    inEvent = false;
                    if (uid is not null && stamp is not null && sequence is { } n)
                        events[uid] = new PublishedEvent(n, stamp, hash);
                    break;
                case "UID" when inEvent: uid = value; break;
                case "DTSTAMP" when inEvent: stamp = value; break;
                case "SEQUENCE" when inEvent:
                    if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed < long.MaxValue)
                        sequence = parsed;
                    else
                        // Restarting at 0 would tell subscribers' calendars that nothing changed: the file must be restored.
                        diagnostics.Error(file, number, Build.BuildMessages.PreviousCalendarDamaged(value));
                    break;
                case ActivityCalendars.HashProperty when inEvent: hash = value; break;
            }
        }
        if (!isCalendar)
            diagnostics.Warning(file, 0, Build.BuildMessages.PreviousCalendarUnreadable());
        return events;
    }
}
