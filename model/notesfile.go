package model

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The notes file is how an interview's notes travel to the user's editor and
// back. Each paragraph starts with a header line that carries what the
// editor must not lose: its clock stamp, the question it belongs to and its
// star.
//
//	## 07:42 [q3] ★ What does a typical week look like?
//	Two council meetings, lots of drafting.
//
// Lines starting with a single "# " before the first header are comments. Text before the first
// header, or under a header without a stamp, becomes a paragraph stamped
// with the time the file is read back.

const notesFileHelp = `# Notes for %s. Each paragraph starts with a "## mm:ss" line: keep
# those lines to keep each paragraph's time and question. Start a new
# paragraph with a line "## " of its own; delete a header to join two
# paragraphs. These lines starting with "# " are ignored. Save and quit.
`

// FormatNotesFile renders notes for editing. questionText names each
// paragraph's question, for the reader's benefit only.
func FormatNotesFile(title string, notes []Note, questionText func(id int) string) string {
	var b strings.Builder
	fmt.Fprintf(&b, notesFileHelp, title)
	for _, n := range notes {
		b.WriteString("\n## " + FormatClock(n.At))
		if n.QuestionID != 0 {
			fmt.Fprintf(&b, " [q%d]", n.QuestionID)
		}
		if n.Starred {
			b.WriteString(" ★")
		}
		if q := questionText(n.QuestionID); q != "" {
			b.WriteString(" " + strings.ReplaceAll(q, "\n", " "))
		}
		b.WriteString("\n" + n.Text + "\n")
	}
	return b.String()
}

// ParseNotesFile reads an edited notes file back into paragraphs. at stamps
// paragraphs that arrive without a time.
func ParseNotesFile(text string, at time.Duration) []Note {
	var notes []Note
	var body []string
	var cur *Note
	seenHeader := false
	flush := func() {
		txt := strings.Trim(strings.Join(body, "\n"), "\n")
		body = body[:0]
		if cur == nil {
			if strings.TrimSpace(txt) != "" {
				notes = append(notes, Note{At: at, Text: txt})
			}
			return
		}
		cur.Text = txt
		notes = append(notes, *cur)
		cur = nil
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "##" || strings.HasPrefix(line, "## "):
			seenHeader = true
			flush()
			n := parseNoteHeader(strings.TrimPrefix(line, "##"), at)
			cur = &n
		case !seenHeader && (strings.HasPrefix(line, "# ") || line == "#"):
			// The help at the top. Below the first paragraph's header,
			// "# " is the user's own text, a Markdown heading say.
		default:
			body = append(body, line)
		}
	}
	flush()
	return notes
}

func parseNoteHeader(h string, at time.Duration) Note {
	n := Note{At: at}
	fields := strings.Fields(h)
	if len(fields) > 0 {
		if d, ok := parseStamp(fields[0]); ok {
			n.At = d
			fields = fields[1:]
		}
	}
	for _, f := range fields {
		switch {
		case strings.HasPrefix(f, "[q") && strings.HasSuffix(f, "]"):
			if id, err := strconv.Atoi(f[2 : len(f)-1]); err == nil {
				n.QuestionID = id
			}
		case f == "★":
			n.Starred = true
		default:
			return n // the question's text: for reading only
		}
	}
	return n
}

// parseStamp reads "mm:ss" or "h:mm:ss".
func parseStamp(s string) (time.Duration, bool) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var total int
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return 0, false
		}
		total = total*60 + n
	}
	return time.Duration(total) * time.Second, true
}
