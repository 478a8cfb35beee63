using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture city)
{
    /// <summary>
    /// Every visible [data-i18n] element: its key exists in both dictionaries and it shows the current
    /// language's text; in English none shows CJK. Returns the offending elements, and how many were checked.
    /// </summary>
    private const string Audit = """
        async () => {
          const { dictionaries, lang } = await import('/js/i18n.js');
          const cjk = /[\u3400-\u9fff]/;
          const bad = [];
          let checked = 0;
          for (const el of document.querySelectorAll('[data-i18n]')) {
            if (!el.getClientRects().length) continue;
            checked++;
            const key = el.dataset.i18n;
            if (!(key in dictionaries.zh) || !(key in dictionaries.en)) { bad.push(`missing key ${key}`); continue; }
            const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : {};
            let want = dictionaries[lang][key];
            for (const [k, v] of Object.entries(vars)) want = want.replaceAll(`{${k}}`, v);
            if (el.textContent !== want) bad.push(`${key}: "${el.textContent}" instead of "${want}"`);
            if (lang === 'en' && cjk.test(el.textContent)) bad.push(`${key}: CJK in English "${el.textContent}"`);
          }
          const zh = Object.keys(dictionaries.zh), en = Object.keys(dictionaries.en);
          for (const k of zh) if (!en.includes(k)) bad.push(`en lacks ${k}`);
          for (const k of en) if (!zh.includes(k)) bad.push(`zh lacks ${k}`);
          if (lang === 'en' && cjk.test(document.title)) bad.push(`title ${document.title}`);
          return { bad, checked, lang };
        }
        """;

    public sealed class AuditResult
    {
        public string[] Bad { get; set; } = [];
        public int Checked { get; set; }
        public string Lang { get; set; } = "";
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/login", null)]
    [InlineData("/wall", "wall")]
    [InlineData("/dispatch", "dispatcher")]
    [InlineData("/field", null)]
    public async Task Every_label_switches_between_Chinese_and_English_and_the_choice_is_remembered(string path, string? role)
    {
        await using var context = await city.Context(role);
        var page = await context.NewPageAsync();
        if (path == "/field")
        {
            // Signed in with a task on screen, so the task card and its buttons are audited too.
            var key = await city.EnrollUnit("TL1", "foot-patrol", 32.37, 119.41);
            await page.GotoAsync(city.Url("/field"));
            await page.FillAsync("#unit-id", "TL1");
            await page.FillAsync("#device-key", key);
            await page.ClickAsync("#signin-form button[type=submit]");
            var incident = await city.CreateIncident("noise", 3, 32.371, 119.411);
            var dispatcher = await city.App.StaffClient("dispatcher");
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(dispatcher, $"/api/incidents/{incident}/dispatch",
                new { unitId = "TL1", @override = true })).EnsureSuccessStatusCode();
            await BrowserFixture.Until(page, "document.body.dataset.taskStatus === 'assigned'");
        }
        else
        {
            await page.GotoAsync(city.Url(path));
        }
        if (path is "/wall" or "/dispatch") await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        await page.WaitForTimeoutAsync(300);
        var name = path == "/" ? "landing" : path.Trim('/');

        var zh = await page.EvaluateAsync<AuditResult>(Audit);
        Assert.Equal("zh", zh.Lang);
        Assert.True(zh.Checked >= 3, $"only {zh.Checked} labels on {path}");
        Assert.Empty(zh.Bad);
        var zhText = await page.InnerTextAsync("body");

        await page.ClickAsync(path == "/field" ? "#lang-switch-2" : "#lang-switch");
        var en = await page.EvaluateAsync<AuditResult>(Audit);
        Assert.Equal("en", en.Lang);
        Assert.Empty(en.Bad);
        Assert.NotEqual(zhText, await page.InnerTextAsync("body"));
        await BrowserFixture.Shot(page, $"lang-{name}-en");

        // Remembered: a reload stays in English; switching back restores every Chinese label.
        await page.ReloadAsync();
        if (path is "/wall" or "/dispatch") await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        Assert.Equal("en", (await page.EvaluateAsync<AuditResult>(Audit)).Lang);
        await page.ClickAsync(path == "/field" ? "#lang-switch-2" : "#lang-switch");
        var back = await page.EvaluateAsync<AuditResult>(Audit);
        Assert.Equal("zh", back.Lang);
        Assert.Empty(back.Bad);
    }

    [Theory]
    [InlineData("/wall", "wall")]
    [InlineData("/dispatch", "dispatcher")]
    [InlineData("/field", null)]
    [InlineData("/login", null)]
    public async Task Chinese_is_drawn_with_the_shipped_Noto_Sans_SC_whatever_fonts_the_machine_has(string path, string? role)
    {
        await using var context = await city.Context(role, lang: "zh");
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url(path));

        // The page's Chinese made the browser fetch the shipped subsets it needs; a machine's own CJK font is not used.
        await BrowserFixture.Until(page, "[...document.fonts].some(f => f.family.includes('Noto Sans SC') && f.status === 'loaded')");
        var family = await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily");
        Assert.Contains("Noto Sans SC", family);
    }
}
