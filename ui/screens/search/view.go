package search

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"parley/model"
)

// linesPerHit: who and what kind on one line, the match in context under it.
const linesPerHit = 2

// header is the title, the count and the search box.
func (s Screen) header() []string {
	st := s.c.Styles
	title := st.Title.Render("Search everything")
	switch {
	case s.index == nil && s.building != 0:
		title += st.Muted.Render(" · ") + s.spin.View() + st.Muted.Render(" reading the notebook…")
	case s.building != 0:
		title += st.Muted.Render(" · ") + s.spin.View() + st.Muted.Render(" catching up with a change…")
	case s.query != "":
		title += st.Muted.Render(fmt.Sprintf(" · %d %s", len(s.hits), common.Plural(len(s.hits), "hit", "hits")))
	}
	label := st.Label.Render("Find ")
	box := label + common.InputView(st, s.input, max(s.width-common.CellWidth(label), 1))
	return []string{common.TruncateCells(title, s.width), box, ""}
}

// listRows is the height left for hits under the header.
func (s Screen) listRows() int { return max(s.height-len(s.header()), 1) }

func (s Screen) View() string {
	st := s.c.Styles
	lines := s.header()
	say := func(text string) string {
		return strings.Join(common.WrapWords(text, max(s.width, 1)), "\n")
	}
	switch {
	case s.err != nil:
		return strings.Join(lines, "\n") + "\n" + st.Error.Render(say(common.PlainError(s.err)))
	case s.index == nil:
		return strings.Join(lines, "\n")
	case s.query == "":
		return strings.Join(lines, "\n") + "\n" + st.Muted.Render(say(
			"Type to search contacts, research notes, interview notes, takeaways, timeline entries and messages sent."))
	case len(s.hits) == 0:
		return strings.Join(lines, "\n") + "\n" + say("Nothing matches "+safetext.Line(s.input.Value())+".")
	}
	rows := max(s.listRows()/linesPerHit, 1)
	end := min(s.top+rows, len(s.hits))
	for i := s.top; i < end; i++ {
		lines = append(lines, s.hitLines(s.hits[i], i == s.cursor)...)
	}
	return strings.Join(lines, "\n")
}

// hitLines draws one hit: the person and the kind of text, then the match
// in its context, highlighted.
func (s Screen) hitLines(h model.Hit, selected bool) []string {
	st := s.c.Styles
	who := "(deleted contact)"
	if c, ok := s.contacts[h.ContactID]; ok {
		who = safetext.Line(c.Name)
	}
	head := who + st.Muted.Render(" · "+h.Kind.String())
	if selected {
		head = st.Selected.Render("▸ "+who) + st.Muted.Render(" · "+h.Kind.String())
	} else {
		head = "  " + head
	}
	const indent = "    "
	room := max(s.width-len(indent)-2, 10)
	return []string{common.TruncateCells(head, s.width),
		common.TruncateCells(indent+s.snippet(h, room), s.width)}
}

// snippet is the match in about width characters of context, on one line,
// the match highlighted: underlined and in the accent colour, or only
// underlined without colour, so it still shows.
func (s Screen) snippet(h model.Hit, width int) string {
	st := s.c.Styles
	sn := s.index.Snippet(h, width)
	match := st.Accent.Underline(true)
	if st.NoColor {
		match = lipgloss.NewStyle().Underline(true)
	}
	out := safetext.Line(sn.Text[:sn.Start]) + match.Render(safetext.Line(sn.Text[sn.Start:sn.End])) +
		safetext.Line(sn.Text[sn.End:])
	if sn.CutBefore {
		out = "…" + out
	}
	if sn.CutAfter {
		out += "…"
	}
	return out
}
