package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"parley/model"
)

// Editing notes in $EDITOR, in three steps, each I/O step in a command:
// write the notes to a private temporary file, run the editor on it with
// the terminal handed over, then read the file back and remove it.

type (
	editorFileMsg struct {
		interviewID uint64
		dir, path   string
		err         error
	}
	editorDoneMsg struct {
		interviewID uint64
		dir, path   string
		err         error
	}
	notesEditedMsg struct {
		interviewID uint64
		notes       []model.Note
		err         error
	}
)

func (m editorFileMsg) failed() error  { return m.err }
func (m editorDoneMsg) failed() error  { return m.err }
func (m notesEditedMsg) failed() error { return m.err }

// writeNotesFile puts the notes in a file only the user can read: the notes
// are about a real person.
func writeNotesFile(ivID uint64, text string) tea.Cmd {
	return func() tea.Msg {
		dir, err := os.MkdirTemp("", "parley-notes-")
		if err != nil {
			return editorFileMsg{interviewID: ivID, err: fmt.Errorf("make a file for the editor: %w", err)}
		}
		path := filepath.Join(dir, "notes.md")
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			os.RemoveAll(dir)
			return editorFileMsg{interviewID: ivID, err: fmt.Errorf("make a file for the editor: %w", err)}
		}
		return editorFileMsg{interviewID: ivID, dir: dir, path: path}
	}
}

// editorCommand is $VISUAL or $EDITOR (which may carry arguments, such as
// "code --wait"), else vi.
func editorCommand(path string) *exec.Cmd {
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	args := strings.Fields(editor)
	if len(args) == 0 {
		args = []string{"vi"}
	}
	return exec.Command(args[0], append(args[1:], path)...)
}

func runEditor(msg editorFileMsg) tea.Cmd {
	return tea.ExecProcess(editorCommand(msg.path), func(err error) tea.Msg {
		if err != nil {
			err = fmt.Errorf("the editor stopped with an error, so the notes were left as they were: %w", err)
		}
		return editorDoneMsg{interviewID: msg.interviewID, dir: msg.dir, path: msg.path, err: err}
	})
}

// readNotesFile reads the edited notes back and removes the file. at stamps
// new paragraphs that have no time of their own.
func readNotesFile(msg editorDoneMsg, at time.Duration) tea.Cmd {
	return func() tea.Msg {
		defer os.RemoveAll(msg.dir)
		if msg.err != nil {
			return notesEditedMsg{interviewID: msg.interviewID, err: msg.err}
		}
		data, err := os.ReadFile(msg.path)
		if err != nil {
			return notesEditedMsg{interviewID: msg.interviewID, err: fmt.Errorf("read the edited notes: %w", err)}
		}
		notes := model.ParseNotesFile(string(data), at)
		return notesEditedMsg{interviewID: msg.interviewID, notes: notes}
	}
}

func (m editorFileMsg) forInterview() uint64  { return m.interviewID }
func (m editorDoneMsg) forInterview() uint64  { return m.interviewID }
func (m notesEditedMsg) forInterview() uint64 { return m.interviewID }
