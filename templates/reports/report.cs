<?cs include:"layout.cs" ?>
<?cs include:"macros.cs" ?>
<?cs include:"reports/macros.cs" ?>
<?cs def:month_field(n, label) ?>
<div class="field<?cs if:Form[n].error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:n ?>"><?cs var:label ?></label>
<input type="text" id="f-<?cs var:n ?>" name="<?cs var:n ?>" value="<?cs var:Form[n] ?>" size="10" placeholder="<?cs var:L.report.month_hint ?>"<?cs if:Form[n].error ?> aria-invalid="true" aria-describedby="<?cs var:n ?>-error"<?cs /if ?>>
<?cs call:field_error(n) ?>
</div>
<?cs /def ?>
<?cs def:choice_filter(n, label, list, all) ?>
<div class="field<?cs if:Form[n].error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:n ?>"><?cs var:label ?></label>
<select id="f-<?cs var:n ?>" name="<?cs var:n ?>"<?cs if:Form[n].error ?> aria-invalid="true" aria-describedby="<?cs var:n ?>-error"<?cs /if ?>>
<option value=""><?cs var:all ?></option>
<?cs each:o = ChoiceList[list] ?><option value="<?cs var:o.code ?>"<?cs if:Form[n] == o.code ?> selected<?cs /if ?>><?cs var:o.label ?></option>
<?cs /each ?></select>
<?cs call:field_error(n) ?>
</div>
<?cs /def ?>
<?cs call:layout_begin(L.report[Report.name].title) ?>
<?cs call:reports_nav() ?>
<p class="hint" id="basis"><?cs var:L.report[Report.name].basis ?></p>
<form method="get" action="/reports/<?cs var:Report.name ?>" class="filters" aria-label="<?cs var:L.report.filters ?>">
<?cs call:month_field("from", L.report.from) ?>
<?cs call:month_field("to", L.report.to) ?>
<?cs if:Filter.scope == "all" ?><?cs call:choice_filter("team", L.report.team, "report_team", L.report.all_teams) ?><?cs /if ?>
<?cs if:Filter.scope != "own" ?><?cs call:choice_filter("owner", L.report.owner, "report_owner", L.report.all_owners) ?><?cs /if ?>
<button type="submit" class="primary"><?cs var:L.report.apply ?></button>
</form>
<p class="presets"><?cs var:L.report.presets ?>:
<?cs each:p = Presets ?><a href="/reports/<?cs var:Report.name ?>?from=<?cs var:p.from ?>&amp;to=<?cs var:p.to ?>&amp;team=<?cs var:url_escape(Form.team) ?>&amp;owner=<?cs var:url_escape(Form.owner) ?>"><?cs var:L.report.preset[p.key] ?></a><?cs if:!last(p) ?> · <?cs /if ?><?cs /each ?>
</p>
<?cs if:Report.ran ?>
<p class="summary"><?cs var:L.report.period ?>: <strong id="period"><?cs call:period_words() ?></strong> · <?cs var:L.report.scope[Filter.scope] ?></p>
<div class="actions">
<a class="button" href="/reports/<?cs var:Report.name ?>/print?<?cs var:Filter.query ?>"><?cs var:L.report.print ?></a>
<?cs if:Can.export ?><a class="button" href="/reports/<?cs var:Report.name ?>/export?<?cs var:Filter.query ?>"><?cs var:L.report.export ?></a><?cs /if ?>
</div>
<?cs # The chart's SVG comes from lib/svg_chart.c, which escapes every text in it. ?>
<figure class="chart"><?cs uvar:Chart.svg ?></figure>
<?cs call:report_table() ?>
<?cs /if ?>
<?cs call:layout_end() ?>
