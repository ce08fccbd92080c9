package contactform

import (
	"parley/ui/safetext"
	"strings"
)

func (f contactForm) View() string {
	st := f.c.Styles
	title := "New contact"
	if f.original.ID != 0 {
		title = "Edit " + safetext.Line(f.original.Name)
	}
	fm := f.form
	fm.Errs = f.errors()
	lines, focusFrom, focusTo := fm.View(f.width)
	head := []string{st.Title.Render(title), ""}
	rows := max(f.height-len(head), 1)
	start := 0
	if focusTo >= rows {
		start = focusTo - rows + 1
	}
	start = min(start, focusFrom)
	end := min(start+rows, len(lines))
	return strings.Join(append(head, lines[start:end]...), "\n")
}
