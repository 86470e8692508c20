/** An error meant for the person at the sheet: its message is shown as it is, in their language. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
