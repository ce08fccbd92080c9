package answers

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/safetext"
	"strings"
	"time"

	"parley/model"
)

type rowKind int

const (
	rowTheme rowKind = iota
	rowQuestion
	rowAnswer
	rowTakeaway
)

// row is one entry of the list; theme, question and item index into the
// grouped answers (item into the takeaways, for one).
type row struct {
	kind                  rowKind
	theme, question, item int
}

func (r row) selectable() bool { return r.kind == rowAnswer || r.kind == rowTakeaway }

// buildRows lays out the list shown, with the cursor on its first answer.
func (s *Screen) buildRows() {
	s.rows = s.rows[:0]
	if s.view == viewTakeaways {
		for i := range s.takeaways {
			s.rows = append(s.rows, row{kind: rowTakeaway, item: i})
		}
	} else {
		for ti, th := range s.themes {
			s.rows = append(s.rows, row{kind: rowTheme, theme: ti})
			for qi, q := range th.Questions {
				s.rows = append(s.rows, row{kind: rowQuestion, theme: ti, question: qi})
				for ai := range q.Answers {
					s.rows = append(s.rows, row{kind: rowAnswer, theme: ti, question: qi, item: ai})
				}
			}
		}
	}
	s.cursor, s.top = s.firstSelectable(), 0
}

func (s Screen) firstSelectable() int {
	for i, r := range s.rows {
		if r.selectable() {
			return i
		}
	}
	return 0
}

// step moves the cursor n answers (or takeaways) on, or back for n < 0.
func (s *Screen) step(n int) {
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for ; n > 0; n-- {
		next := s.cursor + dir
		for next >= 0 && next < len(s.rows) && !s.rows[next].selectable() {
			next += dir
		}
		if next < 0 || next >= len(s.rows) {
			break
		}
		s.cursor = next
	}
	s.follow()
}

// listHeight is the room for the list under the header.
func (s Screen) listHeight() int { return max(s.height-len(s.header()), 1) }

// follow scrolls so the cursor's row is whole on screen, measuring only
// the rows between it and the top.
func (s *Screen) follow() {
	if len(s.rows) == 0 {
		s.top = 0
		return
	}
	s.cursor = min(s.cursor, len(s.rows)-1)
	room := s.listHeight()
	if s.cursor < s.top {
		s.top = s.cursor
		// The headings just above an answer belong with it.
		for s.top > 0 && !s.rows[s.top-1].selectable() {
			s.top--
		}
	}
	used := 0
	for i := s.cursor; i >= s.top; i-- {
		used += len(s.rowLines(i))
		if used > room && i < s.cursor {
			s.top = i + 1
			return
		}
	}
}

func (s Screen) header() []string {
	st := s.c.Styles
	tabs := []string{"Answers side by side", "Takeaways"}
	for i, t := range tabs {
		if view(i) == s.view {
			tabs[i] = st.Focused.Render("[" + t + "]")
		} else {
			tabs[i] = st.Muted.Render(" " + t + " ")
		}
	}
	title := st.Title.Render("What you have learned") + "  " + strings.Join(tabs, " ")
	people := "everyone"
	switch f := s.filter; {
	case f.Field != "":
		people = "field " + safetext.Line(f.Field)
	case f.Organisation != "":
		people = "at " + safetext.Line(f.Organisation)
	case f.Tag != "":
		people = "tagged " + safetext.Line(f.Tag)
	}
	line := st.Label.Render("People: ") + people
	if s.loaded {
		n := 0
		for _, th := range s.themes {
			n += len(th.Questions)
		}
		line += st.Muted.Render(fmt.Sprintf(" · %d %s asked more than once · %d %s", n,
			common.Plural(n, "question", "questions"), len(s.takeaways), common.Plural(len(s.takeaways), "takeaway", "takeaways")))
	}
	return []string{common.TruncateCells(title, s.width), common.TruncateCells(line, s.width), ""}
}

func (s Screen) View() string {
	st := s.c.Styles
	lines := s.header()
	say := func(text string) string { return strings.Join(common.WrapWords(text, max(s.width, 1)), "\n") }
	switch {
	case s.err != nil:
		return strings.Join(lines, "\n") + "\n" + st.Error.Render(say(common.PlainError(s.err)))
	case !s.loaded:
		return strings.Join(lines, "\n") + "\n" + st.Muted.Render("Reading your interviews…")
	case s.picking:
		return strings.Join(append(lines, s.pickerLines()...), "\n")
	case len(s.rows) == 0 && s.view == viewTakeaways:
		return strings.Join(lines, "\n") + "\n" + say("No takeaways yet"+s.among()+
			". They are written in an interview's wrap-up, when it ends.")
	case len(s.rows) == 0:
		return strings.Join(lines, "\n") + "\n" + say("No question has been asked in more than one interview yet"+
			s.among()+". Once two people answer the same question, their answers are set side by side here.")
	}
	room := s.listHeight()
	for i := s.top; i < len(s.rows) && room > 0; i++ {
		rl := s.rowLines(i)
		if len(rl) > room {
			rl = rl[:room]
		}
		lines = append(lines, rl...)
		room -= len(rl)
	}
	return strings.Join(lines, "\n")
}

func (s Screen) among() string {
	if s.filter.Empty() {
		return ""
	}
	return " among these people (x shows everyone)"
}

// rowLines draws one row, cut to the width. An answer or takeaway shows
// its first line, and all of it when the cursor is on it.
func (s Screen) rowLines(i int) []string {
	st := s.c.Styles
	w := max(s.width, 1)
	r := s.rows[i]
	cut := func(l string) string { return common.TruncateCells(l, w) }
	switch r.kind {
	case rowTheme:
		name := s.themes[r.theme].Theme
		if name == "" {
			name = "Your own questions"
		}
		out := []string{cut(st.Focused.Render(safetext.Line(name)))}
		if i > 0 {
			out = append([]string{""}, out...)
		}
		return out
	case rowQuestion:
		q := s.themes[r.theme].Questions[r.question]
		count := fmt.Sprintf(" · asked in %d", q.Interviews)
		if q.Starred > 0 {
			count += fmt.Sprintf(" · ★ %d", q.Starred)
		}
		return []string{cut(" " + st.Accent.Render(safetext.Line(q.Text)) + st.Muted.Render(count))}
	case rowAnswer:
		a := s.themes[r.theme].Questions[r.question].Answers[r.item]
		return s.entryLines(i == s.cursor, a.Starred, a.Speaker, a.When, a.Text)
	}
	t := s.takeaways[r.item]
	return s.entryLines(i == s.cursor, false, t.Speaker, t.When, t.Text)
}

// entryLines is an answer or takeaway: who said it and when, then the
// text under it, indented.
func (s Screen) entryLines(selected, starred bool, who model.Speaker, when time.Time, text string) []string {
	st := s.c.Styles
	w := max(s.width, 1)
	star := "  "
	if starred {
		star = "★ "
	}
	name := safetext.Line(who.Name)
	about := safetext.Line(strings.Join(nonBlank(who.Role, who.Organisation), ", "))
	date := when.In(s.c.Now().Location()).Format("2 Jan 2006")
	meta := st.Muted.Render(" · " + strings.Join(nonBlank(about, date), " · "))
	head := "  " + star + name + meta
	if selected {
		head = st.Selected.Render("▸ "+star+name) + meta
	}
	const indent = "      "
	out := []string{common.TruncateCells(head, w)}
	if !selected {
		return append(out, common.TruncateCells(indent+safetext.Line(text), w))
	}
	// The answer under the cursor in full, up to half the list's room.
	body := common.WrapWords(safetext.Block(text), max(w-len(indent), 10))
	limit := max(s.listHeight()/2, 2)
	if len(body) > limit {
		body = append(body[:limit-1], "…")
	}
	for _, l := range body {
		out = append(out, common.TruncateCells(indent+l, w))
	}
	return out
}

func nonBlank(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// pickerLines lists the filters, the chosen one marked, around the cursor.
func (s Screen) pickerLines() []string {
	st := s.c.Styles
	out := []string{st.Focused.Render("Only the people…")}
	room := max(s.listHeight()-1, 1)
	start := max(min(s.choice-room/2, len(s.choices)-room), 0)
	for i := start; i < len(s.choices) && i < start+room; i++ {
		label := "everyone"
		switch f := s.choices[i]; {
		case f.Field != "":
			label = "in the field " + safetext.Line(f.Field)
		case f.Organisation != "":
			label = "at " + safetext.Line(f.Organisation)
		case f.Tag != "":
			label = "tagged " + safetext.Line(f.Tag)
		}
		if i == s.choice {
			out = append(out, common.TruncateCells(st.Selected.Render("▸ "+label), s.width))
		} else {
			out = append(out, common.TruncateCells("  "+label, s.width))
		}
	}
	return out
}
