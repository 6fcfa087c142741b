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
	"time"

	"github.com/quangngai/chitieu/queries"
)

func init() {
	register("users", "quản lý tài khoản: users add|list|disable|enable|passwd (manage accounts)", runUsers)
}

// stdin is where --password-stdin reads; tests replace it.
var stdin io.Reader = os.Stdin

const usersUsage = `Usage:
  chitieu users list
  chitieu users add NAME --role viewer|analyst|admin [--agency CODE]... [--name "Họ tên"] [--password-stdin]
  chitieu users disable NAME
  chitieu users enable NAME
  chitieu users passwd NAME [--password-stdin]

--agency may repeat or take a comma list (--agency SCT,BQL). Without --password-stdin a
password is generated and printed once. Disabling or a new password signs the user out
everywhere.`

func runUsers(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(env.Stdout, usersUsage)
		return nil
	}
	st, err := openStore(ctx, env.Config)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	switch args[0] {
	case "list":
		return usersList(ctx, env, st)
	case "add":
		return usersAdd(ctx, env, st, args[1:])
	case "disable", "enable":
		return usersSetDisabled(ctx, env, st, args[1:], args[0] == "disable")
	case "passwd":
		return usersPasswd(ctx, env, st, args[1:])
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

// parseWithName parses flags placed before or after the one positional NAME.
func parseWithName(fs *flag.FlagSet, args []string) (string, error) {
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

// cliActor names the person at the terminal in the audit trail.
func cliActor() string {
	if u, err := user.Current(); err == nil {
		return "cli:" + u.Username
	}
	return "cli"
}

func cliAudit(ctx context.Context, st *queries.Store, action, username, detail string) error {
	return st.RecordAudit(ctx, queries.AuditEvent{Actor: cliActor(), Action: action, ObjectKind: "user", ObjectID: username,
		Detail: detail, UserAgent: "chitieu users"})
}

// readPassword takes the first line of stdin (--password-stdin), or generates one.
func readPassword(fromStdin bool) (password string, generated bool, err error) {
	if !fromStdin {
		return queries.RandomPassword(), true, nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, err
	}
	password = strings.TrimRight(line, "\r\n")
	if len([]rune(password)) < queries.MinPasswordLength {
		return "", false, fmt.Errorf("mật khẩu phải dài ít nhất %d ký tự (the password must be at least %d characters)",
			queries.MinPasswordLength, queries.MinPasswordLength)
	}
	return password, false, nil
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
	var agencies agencyList
	fs.Var(&agencies, "agency", "agency code (repeatable, or a comma list)")
	username, err := parseWithName(fs, args)
	if err != nil {
		fmt.Fprintln(env.Stderr, usersUsage)
		return exitCode(2)
	}
	if !queries.ValidUsername(username) {
		return fmt.Errorf("tên đăng nhập %q không hợp lệ: 2–64 chữ thường không dấu, số, . _ - (invalid username)", username)
	}
	if !queries.ValidRole(*role) {
		return fmt.Errorf("vai trò %q không hợp lệ: viewer, analyst hoặc admin (invalid role)", *role)
	}
	if *role == queries.RoleAnalyst && len(agencies) == 0 {
		return fmt.Errorf("chuyên viên cần ít nhất một --agency (an analyst needs at least one --agency)")
	}
	if err := checkAgencies(ctx, st, agencies); err != nil {
		return err
	}
	if _, err := st.UserByName(ctx, username); err == nil {
		return fmt.Errorf("tên đăng nhập %s đã có (username taken); dùng `users passwd` để đặt lại mật khẩu", username)
	} else if !errors.Is(err, queries.ErrNotFound) {
		return err
	}
	password, generated, err := readPassword(*fromStdin)
	if err != nil {
		return err
	}
	hash, err := queries.HashPassword(password)
	if err != nil {
		return err
	}
	u := queries.User{Username: username, Name: *name, Role: *role, Agencies: agencies, PasswordHash: hash, UpdatedBy: cliActor()}
	if err := st.SaveUser(ctx, u); err != nil {
		return err
	}
	if err := cliAudit(ctx, st, queries.AuditUserAdd, username, "role="+*role+" agencies="+agencies.String()); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "users: đã tạo %s (%s) (created)\n", username, *role)
	if generated {
		printPassword(env.Stdout, username, password)
	}
	return nil
}

func checkAgencies(ctx context.Context, st *queries.Store, codes []string) error {
	if len(codes) == 0 {
		return nil
	}
	ags, err := st.Agencies(ctx)
	if err != nil {
		return err
	}
	for _, c := range codes {
		if !slices.ContainsFunc(ags, func(a queries.Agency) bool { return a.Code == c }) {
			return fmt.Errorf("không có đơn vị %s trong danh mục (no agency %s; load the catalogue first, e.g. `chitieu demo`)", c, c)
		}
	}
	return nil
}

func usersSetDisabled(ctx context.Context, env *Env, st *queries.Store, args []string, disable bool) error {
	fs := flag.NewFlagSet("users disable", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	username, err := parseWithName(fs, args)
	if err != nil {
		fmt.Fprintln(env.Stderr, usersUsage)
		return exitCode(2)
	}
	u, err := existingUser(ctx, st, username)
	if err != nil {
		return err
	}
	u.Disabled = disable
	u.UpdatedBy = cliActor()
	action, word := queries.AuditUserEnable, "mở khoá (enabled)"
	if disable {
		u.SessionsAfter = uint64(time.Now().UnixNano())
		action, word = queries.AuditUserDisable, "khoá (disabled); các phiên đăng nhập đã kết thúc (sessions ended)"
	}
	if err := st.SaveUser(ctx, u); err != nil {
		return err
	}
	if err := cliAudit(ctx, st, action, username, ""); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "users: %s đã %s\n", username, word)
	return nil
}

func usersPasswd(ctx context.Context, env *Env, st *queries.Store, args []string) error {
	fs := flag.NewFlagSet("users passwd", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of stdin")
	username, err := parseWithName(fs, args)
	if err != nil {
		fmt.Fprintln(env.Stderr, usersUsage)
		return exitCode(2)
	}
	u, err := existingUser(ctx, st, username)
	if err != nil {
		return err
	}
	password, generated, err := readPassword(*fromStdin)
	if err != nil {
		return err
	}
	if u.PasswordHash, err = queries.HashPassword(password); err != nil {
		return err
	}
	u.SessionsAfter = uint64(time.Now().UnixNano())
	u.UpdatedBy = cliActor()
	if err := st.SaveUser(ctx, u); err != nil {
		return err
	}
	if err := cliAudit(ctx, st, queries.AuditUserPassword, username, ""); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "users: đã đặt mật khẩu mới cho %s; các phiên đăng nhập đã kết thúc (password set, sessions ended)\n", username)
	if generated {
		printPassword(env.Stdout, username, password)
	}
	return nil
}

// existingUser reads a user, saying plainly when there is none.
func existingUser(ctx context.Context, st *queries.Store, username string) (queries.User, error) {
	u, err := st.UserByName(ctx, username)
	if errors.Is(err, queries.ErrNotFound) {
		return u, fmt.Errorf("không có tài khoản %s (no such user)", username)
	}
	return u, err
}
