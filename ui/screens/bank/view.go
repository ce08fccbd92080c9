package bank

import (
	"fmt"
	"parley/ui/common"
	"parley/ui/components/questionrow"
	"parley/ui/safetext"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"parley/questions"
)

// joinTags shows tags the way the tag field takes them back.
func joinTags(tags []string) string { return strings.Join(tags, ", ") }

// header is the title and the filter line.
func (b bankScreen) header() string {
	st := b.c.Styles
	title := "Question bank"
	if b.showHidden {
		title = "Hidden questions"
	}
	count := fmt.Sprintf(" · %d", len(b.rows))
	if b.filtered() && !b.showHidden {
		count = fmt.Sprintf(" · %d of %d", len(b.rows), len(questions.Bank(b.bank.State)))
	}
	line1 := st.Title.Render(title) + st.Muted.Render(count)
	theme, kind := "all", "both"
	if b.theme != "" {
		theme = b.theme.Label()
	}
	if b.kind != "" {
		kind = b.kind.Label()
	}
	filter := st.Label.Render("Theme ") + theme + st.Label.Render("  Kind ") + kind + st.Label.Render("  /")
	switch {
	case b.mode == bankFiltering:
		filter += common.InputView(st, b.filter, max(b.width-common.CellWidth(filter), 1))
	case b.filter.Value() != "":
		filter += safetext.Line(b.filter.Value())
	}
	return line1 + "\n" + common.TruncateCells(filter, b.width)
}

// footer is what sits under the list: the open form or tag field, or else
// the selected question in full with its tags and record.
func (b bankScreen) footer() string {
	st := b.c.Styles
	rule := st.Rule.Render(strings.Repeat("─", max(b.width, 1)))
	switch b.mode {
	case bankForm:
		return rule + "\n" + b.form.View(st, b.width)
	case bankTagging:
		lbl := "Tags     "
		return rule + "\n" + st.Label.Render(lbl) + common.InputView(st, b.tags, max(b.width-common.CellWidth(lbl), 1))
	}
	q, ok := b.selected()
	if !ok {
		return rule
	}
	text := lipgloss.NewStyle().Width(max(b.width, 10)).Render(safetext.Block(q.Text))
	if lines := strings.Split(text, "\n"); len(lines) > 2 {
		text = strings.Join(lines[:2], "\n")
	}
	meta := []string{q.Theme.Label(), q.Kind.Label()}
	if q.BuiltIn {
		meta = append(meta, "built in")
	} else {
		meta = append(meta, "yours")
	}
	if len(q.Tags) > 0 {
		meta = append(meta, safetext.Line("#"+strings.Join(q.Tags, " #")))
	}
	s := questions.StatFor(b.stats, q)
	meta = append(meta, fmt.Sprintf("planned %d, asked %d, starred %d", s.Planned, s.Asked, s.Starred))
	return rule + "\n" + strings.TrimRight(text, " ") + "\n" + st.Muted.Render(common.TruncateCells(strings.Join(meta, " · "), b.width))
}

// listRows is how many questions fit between the header and the footer.
func (b bankScreen) listRows() int {
	return max(b.height-lipgloss.Height(b.header())-lipgloss.Height(b.footer()), 1)
}

func (b bankScreen) View() string {
	st := b.c.Styles
	if !b.loaded {
		return st.Title.Render("Question bank") + "\n" + st.Muted.Render("Reading the bank…")
	}
	var lines []string
	rows := b.listRows()
	switch {
	case len(b.rows) == 0 && b.showHidden:
		lines = append(lines, st.Muted.Render("Nothing is hidden. H goes back to the bank."))
	case len(b.rows) == 0:
		lines = append(lines, st.Muted.Render("No question matches. esc clears the filters; n writes a new one."))
	}
	end := min(b.offset+rows, len(b.rows))
	for i := b.offset; i < end; i++ {
		q := b.rows[i]
		mark := ""
		if !q.BuiltIn {
			mark = "•"
		}
		lines = append(lines, questionrow.QuestionRow(st, q, questions.StatFor(b.stats, q), mark, b.width, i == b.cursor))
	}
	for len(lines) < rows {
		lines = append(lines, "")
	}
	return b.header() + "\n" + strings.Join(lines, "\n") + "\n" + b.footer()
}
