using System.Text.Json;

namespace QualityMonth.Tests.Friendly;

/// <summary>A voice the recording speech API offers.</summary>
/// <param name="LocalService">True for a voice on the device; false for a network voice, which sends the text to a server.</param>
public sealed record SpeechVoice(string Lang, bool LocalService = true)
{
    public string Name => $"test voice {Lang}{(LocalService ? "" : " (network)")}";
}

/// <summary>
/// The browser's speech API replaced by a recorder (headless Chromium has no voices), installed as an init script:
/// window.__speech holds what was spoken (text, language, voice) and every call; window.__finishSpeaking() ends the queue.
/// </summary>
public static class SpeechStub
{
    public static readonly SpeechVoice Chinese = new("zh-CN");
    public static readonly SpeechVoice English = new("en-GB");

    public static string Recorder(IEnumerable<SpeechVoice> voices) => $$"""
        (() => {
            const voices = {{JsonSerializer.Serialize(voices.Select(v => new { lang = v.Lang, localService = v.LocalService, name = v.Name, voiceURI = v.Name, @default = false }))}};
            const record = { spoken: [], calls: [], queue: [] };
            class Utterance extends EventTarget {
                constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; }
            }
            const synth = new EventTarget();
            synth.getVoices = () => voices;
            synth.speak = u => { record.calls.push('speak'); record.queue.push(u); record.spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); };
            synth.pause = () => record.calls.push('pause');
            synth.resume = () => record.calls.push('resume');
            synth.cancel = () => { record.calls.push('cancel'); record.queue.splice(0).forEach(u => u.dispatchEvent(new Event('error'))); };
            Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
            window.SpeechSynthesisUtterance = Utterance;
            window.__speech = record;
            window.__finishSpeaking = () => record.queue.splice(0).forEach(u => u.dispatchEvent(new Event('end')));
        })();
        """;
}
