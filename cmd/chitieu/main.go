// Command chitieu monitors Quảng Ngãi's industrial development plan: it migrates the
// ClickHouse schema, loads data, ingests agencies' files and serves the dashboards.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand. run gets the arguments after the subcommand's name.
type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// commands is filled by each cmd_*.go file's init, so a subcommand lives in one file.
var commands = map[string]command{}

func register(name, summary string, run func(ctx context.Context, env *Env, args []string) error) {
	commands[name] = command{summary: summary, run: run}
}

// Env is what every subcommand gets: configuration and where to write.
type Env struct {
	Config Config
	Stdout io.Writer
	Stderr io.Writer
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is main without the process: tests call it with their own arguments and writers.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "chitieu: lệnh không có: %q (unknown command)\n\n", args[0])
		usage(stderr)
		return 2
	}
	cfg, err := LoadConfig(os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "chitieu: cấu hình sai (bad configuration): %v\n", err)
		return 2
	}
	env := &Env{Config: cfg, Stdout: stdout, Stderr: stderr}
	setupLogging(cfg, stderr)
	if err := cmd.run(ctx, env, args[1:]); err != nil {
		if code, ok := err.(exitCode); ok {
			return int(code)
		}
		msg, code := cliError(err)
		fmt.Fprintf(stderr, "chitieu %s: %s\n", args[0], msg)
		return code
	}
	return 0
}

// exitCode lets a subcommand choose its exit status after printing its own report.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func usage(w io.Writer) {
	fmt.Fprintln(w, "chitieu — theo dõi chỉ tiêu phát triển công nghiệp (industrial plan monitoring)")
	fmt.Fprintln(w, "\nUsage: chitieu COMMAND [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nConfiguration comes from environment variables; see README.md.")
}
