package domain

// Actor is who makes a change, for the audit trail and the rules about oneself.
// Username is the signed-in account ("" at the command line, where Name says who is
// at the terminal); IP and UserAgent say from where.
type Actor struct {
	Username  string
	Name      string // audit actor when Username is empty, e.g. "cli:root"
	IP        string
	UserAgent string
}

// AuditName is the actor as the audit trail names it.
func (a Actor) AuditName() string {
	if a.Username != "" {
		return a.Username
	}
	return a.Name
}
