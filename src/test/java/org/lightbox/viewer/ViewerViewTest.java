package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.help.KeyboardShortcuts;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestDetails;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.FxTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.lightbox.viewer.testing.StoredStudies;
import org.lightbox.viewer.testing.WatchedDecoder;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The viewer pane in a real JavaFX scene (headless Monocle), driven with mouse and keys as a radiologist would. */
@ExtendWith(ApplicationExtension.class)
class ViewerViewTest {
    @TempDir
    static Path dir;

    private Scenario scenario;
    private FxTaskExecutor tasks;
    private ViewerViewModel viewer;
    private ImagingRequest head;
    private final WatchedDecoder decoder = new WatchedDecoder();
    private FrameLoader loader;

    @Start
    void start(Stage stage) {
        scenario = new Scenario(dir.resolve("ws-" + System.nanoTime()));
        Actor admin = scenario.admin();
        head = StoredStudies.headAndPrior(scenario, admin).head();
        tasks = new FxTaskExecutor();
        loader = new FrameLoader(decoder, new FrameCache(256L * 1024 * 1024), 2, () -> false);
        ViewerServices base = scenario.workstation.viewer();
        ViewerServices services = new ViewerServices(base.studies(), loader, base.measurements(), base.settings(),
                base.worklist(), base.worklistQuery(), base.activity(), dir.resolve("exports"));
        viewer = new ViewerViewModel(services, tasks, scenario.user("grace"), ZoneOffset.UTC);
        ViewerView view = new ViewerView(viewer);
        Stylesheets.theme(view);
        stage.setScene(new Scene(view, 1000, 760));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        decoder.openGate();
        WaitForAsyncUtils.asyncFx(() -> viewer.dispose()).get();
        tasks.shutdown();
        loader.close();
        scenario.close();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private static javafx.scene.input.ScrollEvent wheelDown() {
        return new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, 100, 100, 100, 100, false, false,
                false, false, false, false, 0, -40, 0, -40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    /** A colour as the theme names it, read from theme.css. */
    private static Color themeColour(String name) throws java.io.IOException {
        try (var in = org.lightbox.ui.Stylesheets.class.getResourceAsStream("theme.css")) {
            String css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(name) + ":\\s*(#[0-9a-fA-F]{6})")
                    .matcher(css);
            assertThat(m.find()).as(name + " in theme.css").isTrue();
            return Color.web(m.group(1));
        }
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aRadiologistOpensTheStudyScrollsPicksAPresetMeasuresAndSeesTheOverlay(FxRobot robot) throws Exception {
        robot.interact(() -> viewer.open(new RequestDetails(head, List.of())));
        ViewportViewModel viewport = viewer.viewports().get(0);
        waitUntil(() -> viewport.imageProperty().get() != null);

        // The overlay: who, which study, where in the stack, which window; O hides and shows it.
        assertThat(text(robot, "#overlay-top-left-0")).contains("MOREAU").contains("LB-100001");
        assertThat(text(robot, "#overlay-bottom-left-0")).startsWith("Im 1/24");
        assertThat(robot.lookup("#overlay-top-left-0").query().isVisible()).isTrue();
        robot.clickOn("#viewport-0");
        robot.type(KeyCode.O);
        assertThat(robot.lookup("#overlay-top-left-0").query().isVisible()).isFalse();
        robot.type(KeyCode.O);
        assertThat(robot.lookup("#overlay-top-left-0").query().isVisible()).isTrue();

        // Scroll with the wheel and the arrow keys.
        // Monocle's headless robot has no wheel: the wheel's events are delivered to the viewport as the toolkit would.
        javafx.scene.Node target = robot.lookup("#viewport-0").query();
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> javafx.event.Event.fireEvent(target, wheelDown()));
        }
        waitUntil(() -> text(robot, "#overlay-bottom-left-0").startsWith("Im 4/24"));
        robot.type(KeyCode.DOWN);
        assertThat(text(robot, "#overlay-bottom-left-0")).startsWith("Im 5/24");
        waitUntil(() -> viewport.currentFrame() != null);

        // Number key 4 is the lung window.
        robot.type(KeyCode.DIGIT4);
        assertThat(text(robot, "#overlay-bottom-right-0")).contains("C -600 W 1500");

        // D, then drag across the head: a distance in mm, saved.
        robot.type(KeyCode.D);
        Bounds bounds = robot.lookup("#viewport-0").query().localToScreen(
                robot.lookup("#viewport-0").query().getBoundsInLocal());
        Point2D centre = new Point2D(bounds.getCenterX(), bounds.getCenterY());
        robot.drag(centre.add(-100, 0), MouseButton.PRIMARY).moveTo(centre.add(100, 0)).release(MouseButton.PRIMARY);
        waitUntil(() -> viewport.measurementsShown().size() == 1);
        assertThat(viewport.measurementsShown().get(0).result()).matches("\\d+\\.\\d mm");
        // Drawn in the theme's warning colour, across the middle of the viewport.
        Color warning = themeColour("-lb-warning");
        assertThat(robot.lookup("#viewport-0").queryAs(ViewportView.class).measurementColour()).isEqualTo(warning);
        Canvas canvas = robot.from(robot.lookup("#viewport-0").<Node>query())
                .lookup((java.util.function.Predicate<Node>) n -> n instanceof Canvas).query();
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get();
        int x = (int) shot.getWidth() / 2;
        boolean lineThere = false;
        for (int y = (int) shot.getHeight() / 2 - 4; y <= shot.getHeight() / 2 + 4; y++) {
            Color c = shot.getPixelReader().getColor(x, y);
            // Antialiased over the grey image: its hue, not its exact value.
            lineThere |= c.getRed() - c.getBlue() > (warning.getRed() - warning.getBlue()) / 2;
        }
        assertThat(lineThere).as("the distance line in %s", warning).isTrue();
        assertThat(scenario.workstation.viewer().measurements().forStudy(
                viewport.studyProperty().get().studyInstanceUid())).hasSize(1);
    }

    @Test
    void anImageThatCannotBeDecodedShowsItsReasonInTheViewport(FxRobot robot) throws Exception {
        robot.interact(() -> viewer.open(new RequestDetails(head, List.of())));
        ViewportViewModel viewport = viewer.viewports().get(0);
        waitUntil(() -> viewport.imageProperty().get() != null);
        StackImage last = viewport.seriesProperty().get().images().get(23);
        java.nio.file.Files.writeString(last.file(), "not DICOM at all");
        loader.cache().clear();
        robot.clickOn("#viewport-0").type(KeyCode.END);
        waitUntil(() -> text(robot, "#viewport-message-0").contains("cannot be shown"));
        assertThat(text(robot, "#viewport-message-0")).contains("not a DICOM file");
        robot.type(KeyCode.HOME);
        waitUntil(() -> viewport.imageProperty().get() != null && text(robot, "#viewport-message-0").isEmpty());
    }

    private void openTheHead(FxRobot robot) throws Exception {
        robot.interact(() -> viewer.open(new RequestDetails(head, List.of())));
        waitUntil(() -> viewer.viewports().get(0).imageProperty().get() != null);
        robot.clickOn("#viewport-0");
    }

    /** The viewport's canvas as the reader sees it (without the overlay, which is not drawn on it), grey levels. */
    private static int[][] picture(FxRobot robot, int slot) throws Exception {
        Canvas canvas = robot.from(robot.lookup("#viewport-" + slot).<Node>query())
                .lookup((java.util.function.Predicate<Node>) n -> n instanceof Canvas).query();
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get();
        int[][] grey = new int[(int) shot.getHeight()][(int) shot.getWidth()];
        for (int y = 0; y < grey.length; y++) {
            for (int x = 0; x < grey[y].length; x++) {
                grey[y][x] = shot.getPixelReader().getArgb(x, y) >> 8 & 0xff;
            }
        }
        return grey;
    }

    /** Mean grey-level difference of {@code a} from {@code b} read through {@code where} (x, y, width, height to x, y). */
    private static double difference(int[][] a, int[][] b, java.util.function.BiFunction<Integer, Integer, int[]> where) {
        long sum = 0;
        for (int y = 0; y < a.length; y++) {
            for (int x = 0; x < a[y].length; x++) {
                int[] at = where.apply(x, y);
                sum += Math.abs(a[y][x] - b[at[1]][at[0]]);
            }
        }
        return (double) sum / (a.length * a[0].length);
    }

    @Test
    void theKeysFlipRotateInvertZoomAndResetTheImageOnScreen(FxRobot robot) throws Exception {
        openTheHead(robot);
        ViewportViewModel viewport = viewer.viewports().get(0);
        robot.type(KeyCode.END); // the lowest slice: the orbits in front make it lopsided
        waitUntil(() -> viewport.shownIndex() == 23);
        int[][] before = picture(robot, 0);
        int width = before[0].length;
        int height = before.length;
        java.util.function.BiFunction<Integer, Integer, int[]> same = (x, y) -> new int[] {x, y};
        java.util.function.BiFunction<Integer, Integer, int[]> mirrored = (x, y) -> new int[] {width - 1 - x, y};
        java.util.function.BiFunction<Integer, Integer, int[]> upsideDown = (x, y) -> new int[] {x, height - 1 - y};
        java.util.function.BiFunction<Integer, Integer, int[]> halfTurn = (x, y) -> new int[] {width - 1 - x, height - 1 - y};
        assertThat(difference(before, before, upsideDown)).as("the orbits are at the top").isGreaterThan(5);

        robot.type(KeyCode.V);
        assertThat(difference(picture(robot, 0), before, upsideDown)).as("V turns it upside down").isLessThan(0.5);
        robot.type(KeyCode.V, KeyCode.R, KeyCode.R);
        assertThat(difference(picture(robot, 0), before, halfTurn)).as("R twice: half a turn").isLessThan(0.5);
        robot.type(KeyCode.ESCAPE, KeyCode.R);
        int[][] quarterTurn = picture(robot, 0);
        assertThat(difference(quarterTurn, before, same)).as("R: a quarter turn").isGreaterThan(5);
        assertThat(difference(quarterTurn, quarterTurn, mirrored)).as("the orbits are at the side now").isGreaterThan(5);
        robot.type(KeyCode.H);
        assertThat(difference(picture(robot, 0), quarterTurn, mirrored)).as("H mirrors it left to right").isLessThan(0.5);
        robot.type(KeyCode.H);
        robot.press(KeyCode.SHIFT).type(KeyCode.R).release(KeyCode.SHIFT);
        assertThat(viewport.transformProperty().get().quarterTurns()).as("Shift+R turns back").isZero();
        assertThat(difference(picture(robot, 0), before, same)).isLessThan(0.01);
        robot.type(KeyCode.R, KeyCode.V, KeyCode.ESCAPE);
        assertThat(difference(picture(robot, 0), before, same)).as("Esc resets").isLessThan(0.01);

        robot.type(KeyCode.I);
        int centre = before[height / 2][width / 2];
        assertThat(picture(robot, 0)[height / 2][width / 2]).as("I inverts").isCloseTo(255 - centre, within(1));
        assertThat(text(robot, "#overlay-bottom-right-0")).contains("inv");

        robot.type(KeyCode.A);
        assertThat(text(robot, "#overlay-bottom-right-0")).as("A: one image pixel per screen pixel").contains("Zoom 1.00x");
        robot.type(KeyCode.EQUALS);
        assertThat(text(robot, "#overlay-bottom-right-0")).contains("Zoom 1.25x");
        robot.type(KeyCode.MINUS);
        assertThat(text(robot, "#overlay-bottom-right-0")).contains("Zoom 1.00x");
        robot.type(KeyCode.F);
        assertThat(viewport.transformProperty().get().fit()).isTrue();

        // P, then drag: the image moves with the mouse.
        robot.type(KeyCode.P);
        Bounds bounds = robot.lookup("#viewport-0").query().localToScreen(robot.lookup("#viewport-0").query().getBoundsInLocal());
        Point2D centreOnScreen = new Point2D(bounds.getCenterX(), bounds.getCenterY());
        robot.drag(centreOnScreen, MouseButton.PRIMARY).moveTo(centreOnScreen.add(40, 0)).release(MouseButton.PRIMARY);
        assertThat(viewport.transformProperty().get().panX()).isEqualTo(40.0);
        robot.type(KeyCode.ESCAPE);
        assertThat(viewport.transformProperty().get()).isEqualTo(ViewTransform.FIT);
        assertThat(viewport.presentationProperty().get().inverted()).isFalse();
    }

    @Test
    void pageDownAndPageUpMoveATenthOfTheStack(FxRobot robot) throws Exception {
        openTheHead(robot);
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(() -> text(robot, "#overlay-bottom-left-0").startsWith("Im 3/24"));
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        waitUntil(() -> text(robot, "#overlay-bottom-left-0").startsWith("Im 7/24"));
        robot.type(KeyCode.PAGE_UP);
        waitUntil(() -> text(robot, "#overlay-bottom-left-0").startsWith("Im 5/24"));
        assertThat(KeyboardShortcuts.group(KeyboardShortcuts.VIEWER).text()).contains("Page Up, Page Down:  A tenth of the stack");
    }

    @Test
    void altOneTwoThreeLayOutOneTwoAndFourViewportsWithThePriorBeside(FxRobot robot) throws Exception {
        openTheHead(robot);
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT2).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup("#viewport-1").tryQuery().isPresent()
                && viewer.viewports().get(1).imageProperty().get() != null);
        assertThat(text(robot, "#overlay-top-right-1")).contains("(prior)");
        assertThat(robot.lookup("#viewport-2").tryQuery()).isEmpty();
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT3).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup("#viewport-3").tryQuery().isPresent());
        assertThat(robot.lookup((java.util.function.Predicate<Node>) n -> n instanceof ViewportView).queryAll()).hasSize(4);
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT1).release(KeyCode.ALT);
        waitUntil(() -> robot.lookup("#viewport-1").tryQuery().isEmpty());
        assertThat(loader.cache().pinnedCount()).as("only the one viewport shown holds a frame").isEqualTo(1);
    }

    @Test
    void aSeriesOrAPriorIsDraggedFromTheStripIntoAViewport(FxRobot robot) throws Exception {
        openTheHead(robot);
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT2).release(KeyCode.ALT);
        waitUntil(() -> viewer.viewports().get(1).imageProperty().get() != null);
        List<SeriesThumbnailView> strip = List.copyOf(robot.lookup(".series-thumbnail").queryAllAs(SeriesThumbnailView.class));
        assertThat(strip).hasSize(2);
        // Monocle's headless glass has no drag and drop: what a thumbnail carries is handed to the viewport's drop.
        ViewportView left = robot.lookup("#viewport-0").queryAs(ViewportView.class);
        ViewportView right = robot.lookup("#viewport-1").queryAs(ViewportView.class);
        robot.interact(() -> assertThat(left.drop(strip.get(1).dragContent().getString())).isTrue());
        waitUntil(() -> text(robot, "#overlay-top-right-0").contains("(prior)"));
        robot.interact(() -> assertThat(right.drop(strip.get(0).dragContent().getString())).isTrue());
        waitUntil(() -> !text(robot, "#overlay-top-right-1").contains("(prior)")
                && text(robot, "#overlay-bottom-left-1").contains("/24"));
        String shown = text(robot, "#overlay-bottom-left-1");
        robot.interact(() -> assertThat(right.drop("some text dragged in from another program")).isFalse());
        assertThat(text(robot, "#overlay-bottom-left-1")).isEqualTo(shown);
    }

    @Test
    void eachThumbnailShowsHowMuchOfItsSeriesIsLoaded(FxRobot robot) throws Exception {
        decoder.gateEverything();
        robot.interact(() -> viewer.open(new RequestDetails(head, List.of())));
        waitUntil(() -> robot.lookup(".series-thumbnail .progress-bar").queryAll().size() == 2);
        decoder.awaitHeldAtGate();
        List<ProgressBar> bars = List.copyOf(robot.lookup(".series-thumbnail .progress-bar").queryAllAs(ProgressBar.class));
        assertThat(bars).allSatisfy(bar -> {
            assertThat(bar.isVisible()).isTrue();
            assertThat(bar.getProgress()).isZero();
        });
        decoder.openGate();
        waitUntil(() -> bars.stream().noneMatch(ProgressBar::isVisible));
        assertThat(bars).allSatisfy(bar -> assertThat(bar.getProgress()).isEqualTo(1.0));
    }
}
