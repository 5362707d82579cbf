/**
 * The JPEG codec the stages share: libjpeg-turbo's TurboJPEG where Debian's libturbojpeg-java is
 * installed. Takes and gives bytes and pixels; knows nothing of issues or editions, and every caller
 * has ImageIO to fall back on when it is not there.
 */
package paiban.codec;
