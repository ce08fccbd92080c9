// Package editor is the $EDITOR round trip for any text a screen holds.
package editor

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// Editing text in $EDITOR: one round trip for every screen that offers it
// (the interview's notes, a message draft). Each I/O step runs in a
// command: write the text to a private temporary file, hand the terminal
// to the editor, then read the file back, remove it and make the screen's
// message from it.

// editFile is the private copy the editor works on.
type editFile struct{ Dir, Path string }

// WriteEditFile puts text in a folder and file only the user can read
// (0700, 0600): notes and drafts are about real people.
func WriteEditFile(text, name string) (editFile, error) {
	dir, err := os.MkdirTemp("", "parley-edit-")
	if err != nil {
		return editFile{}, err
	}
	f := editFile{Dir: dir, Path: filepath.Join(dir, name)}
	if err := os.WriteFile(f.Path, []byte(text), 0o600); err != nil {
		os.RemoveAll(dir)
		return editFile{}, err
	}
	return f, nil
}

// readAndRemove reads the file as the editor left it and removes its
// folder.
func (f editFile) readAndRemove() (string, error) {
	defer os.RemoveAll(f.Dir)
	data, err := os.ReadFile(f.Path)
	return string(data), err
}

// editorArgv is $VISUAL or $EDITOR (which may carry arguments, such as
// "code --wait"), else vi, with the file to edit last.
func editorArgv(getenv func(string) string, path string) []string {
	editor := getenv("VISUAL")
	if editor == "" {
		editor = getenv("EDITOR")
	}
	argv := strings.Fields(editor)
	if len(argv) == 0 {
		argv = []string{"vi"}
	}
	return append(argv, path)
}

// EditText runs the round trip for text, in a file called name. what names
// the text for error messages ("the notes"). parse turns the edited text
// into what the screen wants, off the event loop; done makes the screen's
// message of it, or of the error.
func EditText[T any](text, name, what string, getenv func(string) string,
	parse func(string) T, done func(T, error) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		var zero T
		f, err := WriteEditFile(text, name)
		if err != nil {
			return done(zero, fmt.Errorf("make a file for the editor: %w", err))
		}
		argv := editorArgv(getenv, f.Path)
		run := tea.ExecProcess(exec.Command(argv[0], argv[1:]...), func(exitErr error) tea.Msg {
			// This callback runs on the event loop: reading and parsing
			// wait for a command of their own.
			return tea.BatchMsg{func() tea.Msg { return FinishEdit(f, exitErr, what, parse, done) }}
		})
		return run()
	}
}

// FinishEdit reads the edited file back, removes it and reports.
func FinishEdit[T any](f editFile, exitErr error, what string, parse func(string) T, done func(T, error) tea.Msg) tea.Msg {
	var zero T
	text, err := f.readAndRemove()
	switch {
	case exitErr != nil:
		return done(zero, fmt.Errorf("the editor stopped with an error, so nothing changed in %s: %w", what, exitErr))
	case err != nil:
		return done(zero, fmt.Errorf("read %s back from the editor: %w", what, err))
	}
	return done(parse(text), nil)
}
