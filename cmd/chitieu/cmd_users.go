package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/queries"
)

func init() {
	register("users", "quản lý tài khoản: users add|list|disable|enable|passwd (manage accounts)", runUsers)
}

// stdin is where --password-stdin reads; tests replace it.
var stdin io.Reader = os.Stdin

const usersUsage = `Usage:
  chitieu users list
  chitieu users add NAME --role viewer|analyst|admin [--agency CODE]... [--name "Họ tên"] [--compile] [--password-stdin]
  chitieu users compile NAME [--off]
  chitieu users disable NAME
  chitieu users enable NAME
  chitieu users passwd NAME [--password-stdin]

--agency may repeat or take a comma list (--agency SCT,BQL). Without --password-stdin a
password is generated and printed once. --compile gives the permission to compile a round
(SCT's synthesis per outline item on /report/YEAR); "users compile NAME --off" takes it back. Disabling or a new password signs the user out
everywhere.`

func runUsers(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(env.Stdout, usersUsage)
		return nil
	}
	st, err := openMigratedStore(ctx, env.Config)
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "list":
		return usersList(ctx, env, st)
	case "add":
		return usersAdd(ctx, env, st, args[1:])
	case "disable", "enable":
		return usersSetDisabled(ctx, env, st, args[1:], args[0] == "disable")
	case "passwd":
		return usersPasswd(ctx, env, st, args[1:])
	case "compile":
		return usersCompile(ctx, env, st, args[1:])
	}
	fmt.Fprintln(env.Stderr, usersUsage)
	return exitCode(2)
}

// agencyList is a repeatable --agency flag that also takes comma lists.
type agencyList []string

func (a *agencyList) String() string { return strings.Join(*a, ",") }
func (a *agencyList) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(*a, s) {
			*a = append(*a, s)
		}
	}
	return nil
}

// parseWithName parses flags placed before or after the one positional NAME; on a
// mistake it prints the usage and exits 2.
func parseWithName(env *Env, fs *flag.FlagSet, args []string) (string, error) {
	username, err := parseName(fs, args)
	if err != nil {
		fmt.Fprintln(env.Stderr, usersUsage)
		return "", exitCode(2)
	}
	return username, nil
}

func parseName(fs *flag.FlagSet, args []string) (string, error) {
	var names []string
	for {
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		if fs.NArg() == 0 {
			break
		}
		names = append(names, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(names) != 1 {
		return "", fmt.Errorf("cần đúng một tên đăng nhập (exactly one username expected)")
	}
	return queries.NormalizeUsername(names[0]), nil
}

// cliActor is the person at the terminal, for the account rules and the audit
// trail. The command line acts as no account, so the rules about oneself do not
// apply; the rule that keeps one enabled admin does.
func cliActor() accounts.Actor {
	name := "cli"
	if u, err := user.Current(); err == nil {
		name = "cli:" + u.Username
	}
	return accounts.Actor{Name: name, UserAgent: "chitieu users"}
}

// cliAs is the person at the terminal running a command, for the audit trail.
func cliAs(command string) domain.Actor {
	return domain.Actor{Name: defaultUser(), UserAgent: "chitieu " + command}
}

// parseNameAndPassword is parseWithName, then readPassword once the flags are read.
func parseNameAndPassword(env *Env, fs *flag.FlagSet, args []string, fromStdin *bool) (username, password string, err error) {
	if username, err = parseWithName(env, fs, args); err != nil {
		return "", "", err
	}
	password, err = readPassword(*fromStdin)
	return username, password, err
}

// readPassword takes the first line of stdin (--password-stdin); without it the
// account service generates one.
func readPassword(fromStdin bool) (string, error) {
	if !fromStdin {
		return "", nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	password := strings.TrimRight(line, "\r\n")
	if password == "" {
		return "", accounts.CheckPassword(password) // never fall back to a generated one
	}
	return password, nil
}

func printPassword(w io.Writer, username, password string) {
	fmt.Fprintf(w, "Mật khẩu dùng một lần của %s (one-time password, shown once): %s\n", username, password)
	fmt.Fprintln(w, "Người dùng nên đổi mật khẩu tại /account sau khi đăng nhập (the user should change it at /account).")
}

func usersList(ctx context.Context, env *Env, st *queries.Store) error {
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "USERNAME\tROLE\tAGENCIES\tSTATE\tNAME\tUPDATED")
	for _, u := range users {
		state := "active"
		if u.Disabled {
			state = "disabled"
		}
		if u.CanCompile {
			state += ",compile"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s %s\n", u.Username, u.Role, strings.Join(u.Agencies, ","), state, u.Name,
			u.UpdatedAt.Local().Format("2006-01-02 15:04"), u.UpdatedBy)
	}
	return tw.Flush()
}

func usersAdd(ctx context.Context, env *Env, st *queries.Store, args []string) error {
	fs := flag.NewFlagSet("users add", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	role := fs.String("role", queries.RoleViewer, "viewer, analyst or admin")
	name := fs.String("name", "", "full name")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of stdin")
	compile := fs.Bool("compile", false, "may compile a round (SCT's synthesis)")
	var agencies agencyList
	fs.Var(&agencies, "agency", "agency code (repeatable, or a comma list)")
	username, password, err := parseNameAndPassword(env, fs, args, fromStdin)
	if err != nil {
		return err
	}
	generated, err := accounts.New(st).Add(ctx, cliActor(), accounts.NewAccount{Username: username,
		Profile: accounts.Profile{Name: *name, Role: *role, Agencies: agencies, Compile: *compile}, Password: password})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "users: đã tạo %s (%s) (created)\n", username, *role)
	if generated != "" {
		printPassword(env.Stdout, username, generated)
	}
	return nil
}

func usersSetDisabled(ctx context.Context, env *Env, st *queries.Store, args []string, disable bool) error {
	fs := flag.NewFlagSet("users disable", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	username, err := parseWithName(env, fs, args)
	if err != nil {
		return err
	}
	if _, err := accounts.New(st).SetDisabled(ctx, cliActor(), username, disable); err != nil {
		return err
	}
	word := "mở khoá (enabled)"
	if disable {
		word = "khoá (disabled); các phiên đăng nhập đã kết thúc (sessions ended)"
	}
	fmt.Fprintf(env.Stdout, "users: %s đã %s\n", username, word)
	return nil
}

func usersPasswd(ctx context.Context, env *Env, st *queries.Store, args []string) error {
	fs := flag.NewFlagSet("users passwd", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of stdin")
	username, password, err := parseNameAndPassword(env, fs, args, fromStdin)
	if err != nil {
		return err
	}
	_, generated, err := accounts.New(st).ResetPassword(ctx, cliActor(), username, password)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "users: đã đặt mật khẩu mới cho %s; các phiên đăng nhập đã kết thúc (password set, sessions ended)\n", username)
	if generated != "" {
		printPassword(env.Stdout, username, generated)
	}
	return nil
}

// usersCompile gives (or with --off takes back) the permission to compile a round.
func usersCompile(ctx context.Context, env *Env, st *queries.Store, args []string) error {
	fs := flag.NewFlagSet("users compile", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	off := fs.Bool("off", false, "take the permission back")
	username, err := parseWithName(env, fs, args)
	if err != nil {
		return err
	}
	if _, err := accounts.New(st).SetCompile(ctx, cliActor(), username, !*off); err != nil {
		return err
	}
	word := "được quyền tổng hợp báo cáo (may compile a round)"
	if *off {
		word = "không còn quyền tổng hợp báo cáo (may no longer compile a round)"
	}
	fmt.Fprintf(env.Stdout, "users: %s %s\n", username, word)
	return nil
}
