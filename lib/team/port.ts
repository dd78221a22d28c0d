/** The port name the panel keeps open while it shows an item: its disconnect frees the claim. */
export const TEAM_PANEL_PORT = 'replyline-team-panel';
