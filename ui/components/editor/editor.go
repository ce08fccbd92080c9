// Package editor is the $EDITOR round trip for any text a screen holds.
package editor

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"parley/ui/common"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Editing text in $EDITOR: one round trip for every screen that offers it
// (the interview's notes, a message draft). Each I/O step runs in a
// command: write the text to a private temporary file, hand the terminal
// to the editor, then read the file back, remove it and make the screen's
// message from it.

// editFile is the private copy the editor works on, and the text it
// started with.
type editFile struct{ Dir, Path, Original string }

// WriteEditFile puts text in a folder and file only the user can read
// (0700, 0600): notes and drafts are about real people.
func WriteEditFile(text, name string) (editFile, error) {
	dir, err := os.MkdirTemp("", "parley-edit-")
	if err != nil {
		return editFile{}, err
	}
	f := editFile{Dir: dir, Path: filepath.Join(dir, name), Original: text}
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
// message of it, or of the error. The session is known to c.Editors from
// the moment its folder exists until its result reaches the screen, so a
// signal meanwhile stops the editor, keeps what it saved, and the folder
// goes whatever happens.
func EditText[T any](text, name, what string, c *common.Common,
	parse func(string) T, done func(T, error) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		var zero T
		f, err := WriteEditFile(text, name)
		if err != nil {
			return done(zero, fmt.Errorf("make a file for the editor: %w", err))
		}
		session := c.Editors.Begin(f.Dir)
		argv := editorArgv(c.Env(), f.Path)
		cmd := trackedCommand{Cmd: exec.Command(argv[0], argv[1:]...), editors: c.Editors, session: session}
		run := c.Exec(cmd, func(exitErr error) tea.Msg {
			// This callback runs on the event loop: reading and parsing
			// wait for a command of their own.
			stopped := c.Editors.Stopping()
			return tea.BatchMsg{func() tea.Msg {
				return common.EditorDoneMsg{Session: session, Msg: FinishEdit(f, exitErr, stopped, what, parse, done)}
			}}
		})
		return run()
	}
}

// trackedCommand runs the editor and tells the session its process, so a
// signal can be forwarded to it.
type trackedCommand struct {
	*exec.Cmd
	editors *common.Editors
	session int
}

func (t trackedCommand) Run() error {
	// The terminal is copied through a pipe; a child the editor left
	// behind must not keep Parley waiting once the editor has exited.
	t.Cmd.WaitDelay = time.Second
	if err := t.Cmd.Start(); err != nil {
		return err
	}
	t.editors.Started(t.session, t.Cmd.Process)
	defer t.editors.Exited(t.session)
	return t.Cmd.Wait()
}

func (t trackedCommand) SetStdin(r io.Reader)  { t.Cmd.Stdin = r }
func (t trackedCommand) SetStdout(w io.Writer) { t.Cmd.Stdout = w }
func (t trackedCommand) SetStderr(w io.Writer) { t.Cmd.Stderr = w }

// FinishEdit reads the edited file back, removes it and reports. An editor
// that a signal stopped (stopped) is not one that failed: what it saved,
// if anything, is kept.
func FinishEdit[T any](f editFile, exitErr error, stopped bool, what string, parse func(string) T, done func(T, error) tea.Msg) tea.Msg {
	var zero T
	text, err := f.readAndRemove()
	switch {
	case exitErr != nil && stopped && err == nil && text != f.Original:
		return done(parse(text), nil)
	case exitErr != nil:
		return done(zero, fmt.Errorf("the editor stopped with an error, so nothing changed in %s: %w", what, exitErr))
	case err != nil:
		return done(zero, fmt.Errorf("read %s back from the editor: %w", what, err))
	}
	return done(parse(text), nil)
}
