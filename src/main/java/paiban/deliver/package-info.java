/**
 * Stage 6, deliver: takes the email edition that finish left in {@code <out>/<id>/} (email.pdf,
 * previews/01.png, text.json) and a subscriber list, and gives one message per subscriber over SMTP,
 * with a journal beside the outputs that says who has received the issue. It never reads copy or
 * layouts, never builds anything, never puts one subscriber's address in another's message, and
 * never writes a credential anywhere.
 */
package paiban.deliver;
