// The desktop tests' main: a QApplication for the windows, on Qt's offscreen platform unless the caller chose one
// (QT_QPA_PLATFORM=xcb under xvfb-run shows the same windows on an X server), then every test.
#include <cstdlib>

#include <QApplication>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
