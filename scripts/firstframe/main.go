// Command firstframe times a program's first screen on a pseudo-terminal
// of its own: from starting the process to the moment it has written a
// frame that shows a given text. scripts/bench.sh times Parley's first
// screen with it beside the tmux measurement, which adds tmux's latency
// (the pane is read by polling) to what Parley does.
//
//	go run ./scripts/firstframe -runs 5 -show 'to contact [0-9]' -- BIN --db PATH
//
// It prints each run's milliseconds, then the median and the slowest. The
// program gets a 120x40 terminal and TERM=xterm-256color; once the text
// shows it is sent SIGTERM, which Parley takes as "save and quit".
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"
)

func main() {
	runs := flag.Int("runs", 5, "how many times to start the program")
	show := flag.String("show", "to contact [0-9]", "a regular expression the first frame with data shows")
	limit := flag.Duration("limit", 10*time.Second, "how long to wait for it")
	flag.BoolVar(&trace, "trace", false, "print when each piece of output came, and its start")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: firstframe [-runs N] [-show REGEXP] -- PROGRAM ARGS...")
		os.Exit(2)
	}
	want, err := regexp.Compile(*show)
	if err != nil {
		fmt.Fprintln(os.Stderr, "firstframe:", err)
		os.Exit(2)
	}
	var times []float64
	for range *runs {
		d, err := timeOnce(flag.Args(), want, *limit)
		if err != nil {
			fmt.Fprintln(os.Stderr, "firstframe:", err)
			os.Exit(1)
		}
		ms := float64(d.Microseconds()) / 1000
		times = append(times, ms)
		fmt.Printf("%.1f\n", ms)
	}
	slices.Sort(times)
	fmt.Printf("median %.1f worst %.1f\n", times[(len(times)-1)/2], times[len(times)-1])
}

// trace prints the output's arrival (-trace): where the time goes.
var trace bool

// timeOnce starts args on a new pseudo-terminal and returns how long it
// took to show want.
func timeOnce(args []string, want *regexp.Regexp, limit time.Duration) (time.Duration, error) {
	master, slave, err := openPTY(120, 40)
	if err != nil {
		return 0, err
	}
	defer master.Close()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	shown := make(chan time.Time, 1)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		slave.Close()
		return 0, err
	}
	slave.Close()
	go watch(master, want, shown, start)
	var d time.Duration
	select {
	case at := <-shown:
		d = at.Sub(start)
	case <-time.After(limit):
		err = fmt.Errorf("%q did not show within %v", want, limit)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		<-done
	}
	return d, err
}

// watch reads the terminal's output, answers the two questions a program
// may ask a terminal at start (its background colour, the cursor's place),
// and reports the moment want first shows in the text.
func watch(master *os.File, want *regexp.Regexp, shown chan<- time.Time, start time.Time) {
	var out []byte
	buf := make([]byte, 64<<10)
	reported := false
	for {
		n, err := master.Read(buf)
		at := time.Now()
		if n > 0 {
			chunk := buf[:n]
			if trace {
				fmt.Fprintf(os.Stderr, "%7.2f ms %5d bytes %q\n", float64(at.Sub(start).Microseconds())/1000, n, chunk[:min(n, 40)])
			}
			if bytes.Contains(chunk, []byte("\x1b]11;?")) {
				master.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\")
			}
			if bytes.Contains(chunk, []byte("\x1b[6n")) {
				master.WriteString("\x1b[1;1R")
			}
			if !reported {
				out = append(out, chunk...)
				if want.MatchString(ansi.Strip(string(out))) {
					shown <- at
					reported = true
					out = nil
				}
			}
		}
		if err != nil {
			return
		}
	}
}

// openPTY opens a pseudo-terminal of w x h cells.
func openPTY(w, h int) (master, slave *os.File, err error) {
	fd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("no pseudo-terminal: %w", err)
	}
	master = os.NewFile(uintptr(fd), "/dev/ptmx")
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		master.Close()
		return nil, nil, err
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: uint16(h), Col: uint16(w)}); err != nil {
		master.Close()
		slave.Close()
		return nil, nil, err
	}
	return master, slave, nil
}
