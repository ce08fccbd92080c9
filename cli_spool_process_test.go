package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/model"
	"parley/store"
)

// holdLockEnv makes the test binary a stand-in for a running Parley: it
// opens the notebook named in it read-write, says "ready", and holds it
// until its stdin closes or it is killed.
const holdLockEnv = "PARLEY_TEST_HOLD_LOCK"

func holdLock(db string) int {
	s, err := store.Open(db)
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer s.Close()
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	return 0
}

// openElsewhere holds db open in another process, as a running Parley
// does, until the returned function is called.
func openElsewhere(t *testing.T, db string) (release func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), holdLockEnv+"="+db)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the holder did not open the notebook: %q", line)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			stdin.Close()
			cmd.Wait()
		})
	}
	t.Cleanup(release)
	return release
}

// contactCounts opens db read-write (which takes in the spool) and counts
// each name.
func contactCounts(t *testing.T, db string) map[string]int {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, err := s.Contacts()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, c := range cs {
		counts[c.Name]++
	}
	return counts
}

func spoolFiles(t *testing.T, db string, pattern string) []string {
	t.Helper()
	dir, err := store.SpoolDir(db)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, pattern))
	return files
}

func TestAddWhileTheNotebookIsOpen(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	if r := parley(t, "add", "Ana Ruiz", "--db", db); r.code != 0 {
		t.Fatal(r)
	}
	release := openElsewhere(t, db)
	r := parley(t, "add", "Bo Li", "--org", "Port Authority", "--db", db)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Queued Bo Li (to contact): the notebook is open in another Parley") || r.stderr != "" {
		t.Fatalf("add while open: %+v", r)
	}
	failsPlainly(t, parley(t, "add", "Cy", "--referred-by", "Ana", "--db", db), "--referred-by cannot look the name up")
	// Reads cannot share the notebook with a running Parley; they say so.
	failsPlainly(t, parley(t, "export", "--db", db), "it is open in another Parley; close that one first")
	failsPlainly(t, parley(t, "next", "--db", db), "it is open in another Parley; close that one first")
	release()
	if r := parley(t, "add", "Cy", "--referred-by", "Ana", "--db", db); r.code != 0 {
		t.Fatalf("add after closing: %+v", r)
	}
	nb := exportNotebook(t, db)
	var names []string
	for _, c := range nb.Contacts {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ", "); got != "Ana Ruiz, Bo Li, Cy" {
		t.Errorf("notebook holds %s", got)
	}
	if left := spoolFiles(t, db, "*"); len(left) != 0 {
		t.Errorf("spool not emptied: %v", left)
	}
}

// startParley starts the binary and kills it after killAfter, if that is
// positive and it is still running.
func startParley(t *testing.T, killAfter time.Duration, args ...string) func() result {
	t.Helper()
	cmd := exec.Command(parleyBin, args...)
	cmd.Env = append(os.Environ(), "PARLEY_DB=", "NO_COLOR=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var timer *time.Timer
	if killAfter > 0 {
		timer = time.AfterFunc(killAfter, func() { cmd.Process.Kill() })
	}
	return func() result {
		err := cmd.Wait()
		if timer != nil {
			timer.Stop()
		}
		code := 0
		if exit, ok := err.(*exec.ExitError); ok {
			code = exit.ExitCode()
			if !exit.Exited() {
				code = -1 // killed
			}
		} else if err != nil {
			t.Fatal(err)
		}
		return result{out.String(), errOut.String(), code}
	}
}

// Nothing reported queued or added is lost, and nothing is doubled, when
// adders spool at once and are killed at any moment, and then when the
// Parleys taking the spool in are killed at any moment.
func TestSpoolUnderConcurrentWritersAndKills(t *testing.T) {
	const adders, preSpooled, drainers = 24, 150, 8
	db := filepath.Join(t.TempDir(), "n.db")
	if r := parley(t, "add", "Ana Ruiz", "--db", db); r.code != 0 {
		t.Fatal(r)
	}
	release := openElsewhere(t, db)

	// Writers, a third of them killed around when they spool (after the
	// half-second wait for the lock).
	waits := make([]func() result, adders)
	for i := range adders {
		var kill time.Duration
		if i%3 == 0 {
			kill = store.LockTimeout + time.Duration(rand.IntN(80))*time.Millisecond - 20*time.Millisecond
		}
		waits[i] = startParley(t, kill, "add", fmt.Sprintf("Writer %d", i), "--db", db)
	}
	mustLand := map[string]bool{}
	killed := 0
	for i, wait := range waits {
		r := wait()
		name := fmt.Sprintf("Writer %d", i)
		switch {
		case r.code == 0 && strings.HasPrefix(r.stdout, "Queued "+name+" "):
			mustLand[name] = true
		case r.code == -1:
			killed++
		default:
			t.Errorf("%s: %+v", name, r)
		}
	}
	// More changes, so that taking them in takes long enough to be killed
	// in the middle.
	now := time.Now()
	for i := range preSpooled {
		name := fmt.Sprintf("Spooled %d", i)
		if _, err := store.SpoolContact(db, model.Contact{Name: name, Created: now}, now); err != nil {
			t.Fatal(err)
		}
		mustLand[name] = true
	}
	release()

	// Parleys that take the spool in on opening, killed at random moments.
	waits = make([]func() result, drainers)
	for i := range drainers {
		waits[i] = startParley(t, time.Duration(rand.IntN(60))*time.Millisecond, "add", fmt.Sprintf("Drainer %d", i), "--db", db)
	}
	drainersKilled := 0
	for i, wait := range waits {
		switch r := wait(); {
		case r.code == 0:
			mustLand[fmt.Sprintf("Drainer %d", i)] = true
		case r.code == -1:
			drainersKilled++
		default:
			if !strings.Contains(r.stderr, "it is open in another Parley") {
				t.Errorf("drainer %d: %+v", i, r)
			}
		}
	}

	counts := contactCounts(t, db)
	for name := range mustLand {
		if counts[name] != 1 {
			t.Errorf("%s is in the notebook %d times, want once", name, counts[name])
		}
	}
	for name, n := range counts {
		if n != 1 {
			t.Errorf("%s is in the notebook %d times", name, n)
		}
	}
	if left := spoolFiles(t, db, "*.json"); len(left) != 0 {
		t.Errorf("%d changes left in the spool", len(left))
	}
	if bad := spoolFiles(t, db, "*.rejected"); len(bad) != 0 {
		t.Errorf("changes set aside: %v", bad)
	}
	t.Logf("%d writers (%d killed, %d queued), %d pre-spooled, %d drainers (%d killed); %d contacts",
		adders, killed, adders-killed, preSpooled, drainers, drainersKilled, len(counts))
}
