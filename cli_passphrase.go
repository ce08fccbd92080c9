package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"syscall"

	"github.com/charmbracelet/x/term"

	"parley/store"
	"parley/ui/safetext"
)

// maxPassphraseFile bounds what --passphrase-file reads: a passphrase is a
// line, and a huge file is a mistake.
const maxPassphraseFile = 4096

// errNoTerminal is why a passphrase cannot be asked for.
var errNoTerminal = errors.New("there is no terminal to ask for it on; give --passphrase-file")

// askOnTerminal asks for a passphrase on the terminal without echoing it:
// the prompt goes to stderr, so stdout stays the command's data. It works
// over ssh and needs no keyring.
func askOnTerminal(prompt string) ([]byte, error) {
	fd := os.Stdin.Fd()
	if !term.IsTerminal(fd) {
		return nil, errNoTerminal
	}
	// Echo is off while the passphrase is typed. A signal then (ctrl+c, a
	// closed terminal) would end the program before echo came back and
	// leave the shell typing blind, so it is caught here: echo is put
	// back, then the program ends as the signal meant.
	if state, err := term.GetState(fd); err == nil {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
		done := make(chan struct{})
		defer func() {
			signal.Stop(sigs)
			close(done)
		}()
		go func() {
			select {
			case <-sigs:
				term.Restore(fd, state)
				fmt.Fprintln(os.Stderr)
				os.Exit(130)
			case <-done:
			}
		}()
	}
	fmt.Fprint(os.Stderr, prompt)
	p, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	if errors.Is(err, io.EOF) {
		return nil, errors.New("no passphrase was typed")
	}
	return p, err
}

// ask asks for a passphrase with the cli's asker (the terminal, unless a
// test set another).
func (app *cli) ask(prompt string) ([]byte, error) {
	asker := app.askPassphrase
	if asker == nil {
		asker = askOnTerminal
	}
	p, err := asker(prompt)
	if err != nil {
		return nil, err
	}
	if len(p) == 0 {
		return nil, errors.New("the passphrase is empty")
	}
	return p, nil
}

// readPassphraseFile reads a passphrase from the first line of file.
func readPassphraseFile(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("--passphrase-file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPassphraseFile+1))
	if err != nil {
		return nil, fmt.Errorf("--passphrase-file: %w", err)
	}
	if len(data) > maxPassphraseFile {
		return nil, fmt.Errorf("--passphrase-file: %s is too long to hold a passphrase", file)
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) == 0 {
		return nil, fmt.Errorf("--passphrase-file: the first line of %s is empty", file)
	}
	return line, nil
}

// currentPassphrase is the notebook's passphrase: --passphrase-file, else
// asked on the terminal.
func (app *cli) currentPassphrase(path string) ([]byte, error) {
	if app.passphraseFile != "" {
		return readPassphraseFile(app.passphraseFile)
	}
	p, err := app.ask("Passphrase for " + safetext.Line(path) + ": ")
	if err != nil {
		return nil, fmt.Errorf("the notebook %s is encrypted, and %w", path, err)
	}
	return p, nil
}

// newPassphrase is a passphrase being set: read from file if one is
// named, else asked twice on the terminal.
func (app *cli) newPassphrase(file string) ([]byte, error) {
	if file != "" {
		return readPassphraseFile(file)
	}
	p, err := app.ask("New passphrase: ")
	if err != nil {
		return nil, fmt.Errorf("a new passphrase is needed, and %w", err)
	}
	again, err := app.ask("The same again: ")
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(p, again) {
		return nil, errors.New("the two passphrases differ; nothing was changed")
	}
	return p, nil
}

// openWith opens the notebook at path with open (store.Open or
// store.OpenReadOnly), giving the passphrase when it is encrypted: the one
// in --passphrase-file, else one asked for on the terminal. A plain
// notebook asks for nothing.
func (app *cli) openWith(path string, open func(string, ...store.Option) (*store.Store, error)) (*store.Store, error) {
	if app.passphraseFile != "" {
		p, err := readPassphraseFile(app.passphraseFile)
		if err != nil {
			return nil, err
		}
		return open(path, store.WithPassphrase(p))
	}
	s, err := open(path)
	if !errors.Is(err, store.ErrNeedsPassphrase) {
		return s, err
	}
	p, err := app.currentPassphrase(path)
	if err != nil {
		return nil, err
	}
	return open(path, store.WithPassphrase(p))
}

// openNotebook opens the notebook for reading and writing, asking for its
// passphrase if it is encrypted.
func (app *cli) openNotebook() (*store.Store, error) {
	path, err := app.notebookPath()
	if err != nil {
		return nil, err
	}
	return app.openWith(path, store.Open)
}

// openExisting is openNotebook for commands that change a notebook that
// must already be there (compact, decrypt, passphrase, forget, encrypt):
// a mistyped path is an error, never a new, empty notebook.
func (app *cli) openExisting() (*store.Store, error) {
	path, err := app.existingPath()
	if err != nil {
		return nil, err
	}
	return app.openWith(path, store.Open)
}

// existingPath is the notebook's path, or an error if nothing is there.
func (app *cli) existingPath() (string, error) {
	path, err := app.notebookPath()
	if err != nil {
		return "", err
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("no notebook at %s", path)
	}
	return path, nil
}

// onNotebook opens the notebook for writing (asking for its passphrase if
// it is encrypted), runs f on it and closes it. It must already exist.
func (app *cli) onNotebook(f func(*store.Store) error) error {
	s, err := app.openExisting()
	if err != nil {
		return err
	}
	defer s.Close()
	return f(s)
}

// confirm asks a question and reports whether the line answered on stdin
// is the word wanted. It reads byte by byte, so a second question finds
// its answer still there.
func (app *cli) confirm(question, want string) bool {
	fmt.Fprint(app.stdout, question)
	if app.stdin == nil {
		return false
	}
	var line []byte
	b := make([]byte, 1)
	for len(line) <= maxPassphraseFile {
		n, err := app.stdin.Read(b)
		if n == 1 && b[0] == '\n' {
			break
		}
		line = append(line, b[:n]...)
		if err != nil {
			break
		}
	}
	return string(bytes.TrimSpace(line)) == want
}
