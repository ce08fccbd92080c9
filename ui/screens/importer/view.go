package importer

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"parley/exchange"
	"parley/ui/common"
	"parley/ui/safetext"
)

// formatNames say what each format is, for the format field and the plan.
var formatNames = map[string]string{
	"":                   "from the file's name and content",
	exchange.FormatJSON:  "JSON from parley export",
	exchange.FormatVCard: "vCard (.vcf: phones, Apple, Google, Outlook)",
	exchange.FormatCSV:   "CSV from LinkedIn Connections or Google Contacts",
}

// intro says what the screen is for, under its title.
const intro = "Contacts from a phone, Google or LinkedIn, or a parley export. Nothing is written until you have seen what it would change."

// labelWidth lines the fields' values up.
const labelWidth = 8

func (m Importer) View() string {
	if m.width < 1 || m.height < 1 {
		return ""
	}
	switch m.phase {
	case reviewing, applying:
		return m.reviewView()
	}
	return m.chooseView()
}

func (m Importer) chooseView() string {
	st := m.c.Styles
	label := func(s string, focused bool) string {
		style := st.Label
		if focused {
			style = st.Focused
		}
		return style.Render(common.PadRight(s, labelWidth))
	}
	valueWidth := max(m.width-labelWidth, 1)
	format := "‹ " + formatNames[formatChoices[m.format]] + " ›"
	if !m.onFormat {
		format = st.Muted.Render(formatNames[formatChoices[m.format]])
	}
	lines := []string{st.Title.Render("Import a file")}
	for _, l := range common.WrapWords(intro, m.width) {
		lines = append(lines, st.Muted.Render(l))
	}
	lines = append(lines, "",
		label("File", !m.onFormat)+common.InputView(st, m.path, valueWidth),
		label("Format", m.onFormat)+common.TruncateCells(format, valueWidth))
	if len(m.completions) > 0 {
		lines = append(lines, "")
		for _, name := range m.completions {
			lines = append(lines, strings.Repeat(" ", labelWidth)+common.TruncateCells(safetext.Line(name), valueWidth))
		}
		if m.moreOptions > 0 {
			lines = append(lines, strings.Repeat(" ", labelWidth)+st.Muted.Render(fmt.Sprintf("… and %d more", m.moreOptions)))
		}
	}
	switch {
	case m.phase == reading:
		lines = append(lines, "", st.Muted.Render("Reading the file…"))
	case m.problem != "":
		lines = append(lines, "")
		for _, l := range common.WrapWords(safetext.Line(m.problem), m.width) {
			lines = append(lines, st.Error.Render(l))
		}
	}
	return strings.Join(lines, "\n")
}

// header is the lines above the plan's list.
func (m Importer) header() []string {
	st := m.c.Styles
	p := m.plan
	lines := []string{
		st.Title.Render(common.TruncateCells("Import: "+formatNames[p.format], m.width)),
		st.Muted.Render(common.TruncateCells("From "+displayName(p.name), m.width)),
	}
	if m.notice != "" {
		for _, l := range common.WrapWords(m.notice, m.width) {
			lines = append(lines, st.Accent.Render(l))
		}
	}
	switch {
	case len(p.problems) > 0:
		lines = append(lines, st.Error.Render(common.TruncateCells(fmt.Sprintf("The file has %s; nothing can be imported from it.",
			plural(len(p.problems), "problem", "problems")), m.width)))
	case !p.plan.Changes():
		lines = append(lines, common.TruncateCells("Nothing to change: the notebook already has everything in the file.", m.width))
	default:
		pl := p.plan
		lines = append(lines, common.TruncateCells(counts(len(pl.Added), len(pl.Updated), len(pl.Skipped), len(pl.Conflicts), true)+".", m.width))
	}
	return append(lines, "")
}

// footer is the line under the plan's list.
func (m Importer) footer() string {
	st := m.c.Styles
	switch {
	case m.phase == applying:
		return st.Muted.Render("Importing…")
	case len(m.plan.problems) > 0 || !m.plan.plan.Changes():
		return st.Muted.Render("Nothing was written.")
	}
	return st.Muted.Render(common.TruncateCells("Nothing is written until you press enter; esc cancels.", m.width))
}

func (m Importer) reviewView() string {
	return lipgloss.JoinVertical(lipgloss.Left, strings.Join(m.header(), "\n"), m.list.View(), "", m.footer())
}

// layoutList fills the plan's scrolling list and gives it the room the
// header and footer leave. Built once per plan and size, not per key.
func (m *Importer) layoutList() {
	if m.phase != reviewing && m.phase != applying {
		return
	}
	h := m.height - len(m.header()) - 2 // a blank line and the footer
	m.list.Width, m.list.Height = max(m.width, 1), max(h, 1)
	m.list.SetContent(strings.Join(planLines(m.plan), "\n"))
}

// planLines lists what the import would do, a heading per kind, made safe
// to draw: every name in it comes from the file.
func planLines(p planned) []string {
	var out []string
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		out = append(out, fmt.Sprintf("%s (%d):", title, len(items)))
		for _, it := range items {
			out = append(out, "  "+safetext.Line(it))
		}
	}
	if len(p.problems) > 0 {
		section("Problems", p.problems)
		return out
	}
	pl := p.plan
	section("Would add", pl.Added)
	section("Would update", pl.Updated)
	section("Conflicts", pl.Conflicts)
	section("Would skip", pl.Skipped)
	return out
}

// displayName is the path as typed, safe to draw.
func displayName(name string) string { return safetext.Line(name) }

func plural(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, common.Plural(n, one, many))
}
